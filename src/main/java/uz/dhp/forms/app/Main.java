package uz.dhp.forms.app;

/**
 * Launcher for running from a plain class path ({@code java -cp ...}, a fat jar, the benchmarks):
 * the Java launcher refuses an {@code Application} subclass as main class when JavaFX is not on the
 * module path.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    DhpFormsApp.main(args);
  }
}
