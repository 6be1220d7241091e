package uz.dhp.forms.form.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and delivers the result on it. In the app this is {@code
 * TaskRunner::run}; tests of view models use a synchronous one.
 */
@FunctionalInterface
public interface BackgroundWork {

  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
