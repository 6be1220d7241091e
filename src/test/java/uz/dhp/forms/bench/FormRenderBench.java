package uz.dhp.forms.bench;

import ca.uhn.fhir.context.FhirContext;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.form.rules.ChangeSet;
import uz.dhp.forms.form.rules.FormEngine;
import uz.dhp.forms.form.rules.OpenOutcome;
import uz.dhp.forms.form.ui.DraftSink;
import uz.dhp.forms.form.ui.FilePicker;
import uz.dhp.forms.form.ui.FormEditor;
import uz.dhp.forms.form.ui.FormEditorViewModel;
import uz.dhp.forms.form.ui.Scheduler;
import uz.dhp.forms.i18n.UiLanguage;
import uz.dhp.forms.terminology.Concept;
import uz.dhp.forms.terminology.TerminologySource;
import uz.dhp.forms.terminology.ValueSetExpansion;
import uz.dhp.forms.ui.I18n;
import uz.dhp.forms.ui.TaskRunner;

/**
 * Form editor speed: open-to-first-frame (cold in a fresh JVM, and warm), keystroke-to-screen
 * latency, heap. Run: {@code mvn -B -q -Pbench -Dbench=FormRenderBench test-compile exec:exec}
 * ({@code -Dbench.args="COLD_RUNS WARM_RUNS KEYSTROKES"}, defaults 3 20 400).
 *
 * <p>"First frame" is the end of the CSS and layout pass of the first pulse after the editor is put
 * into a shown window (headless Monocle, software pipeline). The editor shows a screenful of a
 * large section in that frame and builds the rest on the following pulses, so "section complete"
 * (every item of the shown section built and laid out) is reported too; the heap and keystroke
 * measurements start once the section is complete. A keystroke is a KEY_TYPED event fired at the
 * field as the keyboard would; its latency runs until the end of the layout pass of the next pulse
 * that shows it. That includes waiting for the 60 Hz pulse, so "work" (handler time plus that
 * pulse's CSS and layout time) is also reported: it is what must fit into one frame.
 */
public final class FormRenderBench {

  private static final String COLD_MARKER = "FORM_RENDER_COLD_MS=";
  private static final String COLD_CPU_MARKER = "FORM_RENDER_COLD_CPU_MS=";
  private static final String COLD_PULSE_CPU_MARKER = "FORM_RENDER_COLD_PULSE_CPU_MS=";
  private static final String COLD_COMPLETE_MARKER = "FORM_RENDER_COLD_COMPLETE_MS=";

  public static void main(String[] args) throws Exception {
    headless();
    if (args.length > 0 && args[0].startsWith("--cold=")) {
      cold(args[0].substring("--cold=".length()));
      return;
    }
    int coldRuns = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int keystrokes = args.length > 2 ? Integer.parseInt(args[2]) : 400;

    Map<String, long[]> cold = new java.util.LinkedHashMap<>();
    Map<String, long[]> coldCpu = new java.util.HashMap<>();
    Map<String, long[]> coldPulseCpu = new java.util.HashMap<>();
    Map<String, long[]> coldComplete = new java.util.HashMap<>();
    for (String form : List.of("form-003", "generated-700")) {
      long[] runs = new long[coldRuns];
      long[] cpus = new long[coldRuns];
      long[] pulseCpus = new long[coldRuns];
      long[] completes = new long[coldRuns];
      for (int i = 0; i < coldRuns; i++) {
        List<String> jvm = new ArrayList<>(ChildJvm.fxProperties());
        jvm.add("-Xmx1536m");
        jvm.add("-XX:+UseSerialGC");
        jvm.add("-Ddhp.forms.dir=" + System.getProperty("dhp.forms.dir", "forms"));
        long[] v =
            ChildJvm.runForMarkers(
                FormRenderBench.class.getName(),
                jvm,
                List.of("--cold=" + form),
                List.of(COLD_MARKER, COLD_CPU_MARKER, COLD_PULSE_CPU_MARKER, COLD_COMPLETE_MARKER));
        runs[i] = v[0];
        cpus[i] = v[1];
        pulseCpus[i] = v[2];
        completes[i] = v[3];
      }
      Arrays.sort(runs);
      Arrays.sort(cpus);
      Arrays.sort(pulseCpus);
      Arrays.sort(completes);
      cold.put(form, runs);
      coldCpu.put(form, cpus);
      coldPulseCpu.put(form, pulseCpus);
      coldComplete.put(form, completes);
    }

    Platform.startup(() -> {});
    Fixture fx = Fixture.create();
    List<String> rows = new ArrayList<>();
    List<String> breakdown = new ArrayList<>();
    for (String form : cold.keySet()) {
      FormDefinition def = fx.definition(form);
      long[] warm = new long[warmRuns];
      for (int i = 0; i < 5; i++) {
        fx.openToFirstFrame(def);
      }
      long[][] parts = new long[4][warmRuns];
      long[] warmCpu = new long[warmRuns];
      long[] warmComplete = new long[warmRuns];
      for (int i = 0; i < warmRuns; i++) {
        warm[i] = fx.openToFirstFrame(def);
        warmCpu[i] = fx.lastOpenCpu;
        warmComplete[i] = fx.lastComplete;
        for (int p = 0; p < 4; p++) {
          parts[p][i] = fx.lastBuild[p];
        }
      }
      for (long[] p : parts) {
        Arrays.sort(p);
      }
      breakdown.add(
          String.format(
              "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |",
              form,
              parts[0][warmRuns / 2] / 1e6,
              parts[1][warmRuns / 2] / 1e6,
              parts[2][warmRuns / 2] / 1e6,
              parts[3][warmRuns / 2] / 1e6,
              warm[warmRuns / 2] / 1e6));
      Arrays.sort(warm);
      Arrays.sort(warmCpu);
      Arrays.sort(warmComplete);
      long heap = fx.heapWithEditor(def);
      Keystrokes k =
          fx.keystrokes(
              def,
              form.equals("form-003")
                  ? ItemPath.parse("003.personal/003.personal.weight")
                  : ItemPath.parse("p0/" + GeneratedForm.DRIVER),
              keystrokes);
      long[] c = cold.get(form);
      rows.add(
          String.format(
              "| %s (%d items) | %.0f (min %.0f) | %.0f (first pulse CSS + layout %.0f) | %.0f | %.1f (p90 %.1f) | %.1f | %.1f | %.2f / %.2f / %.2f | %.2f / %.2f | %.2f / %.2f | %.1f / %.1f | %d |",
              form,
              def.index().size(),
              ms(c[c.length / 2]),
              ms(c[0]),
              ms(coldCpu.get(form)[c.length / 2]),
              ms(coldPulseCpu.get(form)[c.length / 2]),
              ms(coldComplete.get(form)[c.length / 2]),
              warm[warmRuns / 2] / 1e6,
              warm[(int) (warmRuns * 0.9)] / 1e6,
              warmCpu[warmRuns / 2] / 1e6,
              warmComplete[warmRuns / 2] / 1e6,
              k.handler(50),
              k.handler(99),
              k.handlerMax(),
              k.cpu(50),
              k.cpu(99),
              k.work(50),
              k.work(99),
              k.e2e(50),
              k.e2e(99),
              heap / (1024 * 1024)));
    }
    System.out.println();
    System.out.printf(
        "Form editor, headless Monocle (prism sw), %d cold runs (fresh JVM each), %d warm opens, %d keystrokes%n%n",
        coldRuns, warmRuns, keystrokes);
    System.out.println(
        "| form | open cold, ms (median) | open cold, FX-thread CPU ms (median) | open cold → section complete, ms (median) | open warm, ms (median) | open warm, FX-thread CPU ms (median) | open warm → section complete, ms (median) | keystroke handler p50 / p99 / max, ms | keystroke handler FX-thread CPU p50 / p99, ms | keystroke work (handler + next pulse CSS/layout) p50 / p99, ms | keystroke → next pulse laid out p50 / p99, ms | heap with editor open, MB |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "| warm open, medians, ms | engine: open session | view model | editor view | into the window (first screen built) | total to first frame |");
    System.out.println("|---|---|---|---|---|---|");
    breakdown.forEach(System.out::println);
    fx.close();
    Platform.exit();
  }

  private static double ms(long millis) {
    return millis;
  }

  static void headless() {
    if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
    }
    System.setProperty("prism.order", "sw");
  }

  /** In a fresh JVM: JVM start → editor's first frame is not what we want; open → first frame. */
  private static void cold(String form) throws Exception {
    Platform.startup(() -> {});
    Fixture fx = Fixture.create();
    FormDefinition def = fx.definition(form);
    long t = fx.openToFirstFrame(def);
    System.out.println(COLD_MARKER + (t / 1_000_000));
    System.out.println(COLD_CPU_MARKER + (fx.lastOpenCpu / 1_000_000));
    System.out.println(COLD_PULSE_CPU_MARKER + (fx.lastPulseCpu / 1_000_000));
    System.out.println(COLD_COMPLETE_MARKER + (fx.lastComplete / 1_000_000));
    System.out.flush();
    fx.close();
    Platform.exit();
    System.exit(0);
  }

  /** Sorted nanoseconds per keystroke; {@code cpu}: FX-thread CPU time of the handler. */
  record Keystrokes(long[] handler, long[] work, long[] e2e, long[] cpu) {
    double cpu(int pct) {
      return pct(cpu, pct);
    }

    double handler(int pct) {
      return pct(handler, pct);
    }

    double handlerMax() {
      return handler[handler.length - 1] / 1e6;
    }

    double work(int pct) {
      return pct(work, pct);
    }

    double e2e(int pct) {
      return pct(e2e, pct);
    }

    private static double pct(long[] sorted, int pct) {
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * pct / 100.0) - 1)]
          / 1e6;
    }
  }

  /** Engine, terminology, one window; everything runs on the FX thread. */
  static final class Fixture {
    final FhirContext ctx = FhirContext.forR5Cached();
    final TerminologySource terminology = new BenchTerminology();
    final FormEngine engine = new FormEngine(ctx, terminology);
    final I18n i18n = new I18n(UiLanguage.UZ_LATN);
    final TaskRunner tasks = TaskRunner.background();
    Stage stage;
    Scene scene;

    static Fixture create() throws Exception {
      Fixture f = new Fixture();
      onFx(
          () -> {
            f.stage = new Stage();
            f.scene = new Scene(new StackPane(), 1200, 760);
            f.stage.setScene(f.scene);
            f.stage.show();
            return null;
          });
      return f;
    }

    FormDefinition definition(String form) throws Exception {
      FormLoader loader = new FormLoader(ctx, engine);
      LoadOutcome o =
          form.equals("generated-700")
              ? loader.parse(form, GeneratedForm.json())
              : loader.load(
                  form,
                  Path.of(
                      System.getProperty("dhp.forms.dir", "forms"), form, "questionnaire.json"));
      if (o instanceof LoadOutcome.Loaded l) {
        return l.definition();
      }
      throw new IllegalStateException(form + ": " + o);
    }

    /** FX-thread CPU nanoseconds of the last {@link #openToFirstFrame} (load-independent). */
    long lastOpenCpu;

    /** FX-thread CPU nanoseconds of the CSS and layout pass of the last open's first frame. */
    long lastPulseCpu;

    /** Nanoseconds from the last open to its section being complete and laid out. */
    long lastComplete;

    /** Nanoseconds spent in the last open: engine, view model, view, putting it in the window. */
    final long[] lastBuild = new long[4];

    FormEditor build(FormDefinition def) {
      long t0 = System.nanoTime();
      var session = ((OpenOutcome.Opened) engine.open(def)).session();
      long t1 = System.nanoTime();
      FormEditorViewModel vm =
          new FormEditorViewModel(
              session,
              json -> new DraftSink.SaveOutcome.Saved(),
              tasks::run,
              Scheduler.fx(),
              Clock.systemDefaultZone());
      long t2 = System.nanoTime();
      FormEditor editor =
          new FormEditor(
              vm, i18n, terminology, tasks::run, ZoneId.systemDefault(), FilePicker.system());
      long t3 = System.nanoTime();
      lastBuild[0] = t1 - t0;
      lastBuild[1] = t2 - t1;
      lastBuild[2] = t3 - t2;
      return editor;
    }

    /**
     * Nanoseconds from "open this form" to the end of layout of the first pulse showing it; also
     * waits for the section to be complete ({@link #lastComplete}).
     */
    long openToFirstFrame(FormDefinition def) throws Exception {
      CompletableFuture<Long> done = new CompletableFuture<>();
      CompletableFuture<Long> complete = new CompletableFuture<>();
      onFx(
          () -> {
            scene.setRoot(new StackPane());
            return null;
          });
      waitPulse();
      var threads = ManagementFactory.getThreadMXBean();
      onFx(
          () -> {
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            FormEditor editor = build(def);
            long t1 = System.nanoTime();
            scene.setRoot(editor.root());
            lastBuild[3] = System.nanoTime() - t1;
            long[] pulseStart = new long[1];
            Runnable pre = () -> pulseStart[0] = threads.getCurrentThreadCpuTime();
            scene.addPreLayoutPulseListener(pre);
            afterNextLayout(
                () -> {
                  scene.removePreLayoutPulseListener(pre);
                  long c = threads.getCurrentThreadCpuTime();
                  lastOpenCpu = c - c0;
                  lastPulseCpu = c - pulseStart[0];
                  done.complete(System.nanoTime() - t0);
                  whenBuilt(
                      editor,
                      () -> afterNextLayout(() -> complete.complete(System.nanoTime() - t0)));
                });
            return null;
          });
      long first = done.get(30, TimeUnit.SECONDS);
      lastComplete = complete.get(60, TimeUnit.SECONDS);
      return first;
    }

    /** Runs {@code r} on the FX thread once the editor's shown section is complete. */
    private static void whenBuilt(FormEditor editor, Runnable r) {
      if (editor.sectionBuiltProperty().get()) {
        r.run();
        return;
      }
      editor
          .sectionBuiltProperty()
          .addListener(
              new javafx.beans.value.ChangeListener<Boolean>() {
                @Override
                public void changed(
                    javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean a, Boolean b) {
                  if (b) {
                    editor.sectionBuiltProperty().removeListener(this);
                    r.run();
                  }
                }
              });
    }

    /** Waits until the editor's shown section is complete and laid out. */
    void waitBuilt(FormEditor editor) throws Exception {
      CompletableFuture<Void> f = new CompletableFuture<>();
      Platform.runLater(() -> whenBuilt(editor, () -> afterNextLayout(() -> f.complete(null))));
      f.get(60, TimeUnit.SECONDS);
    }

    long heapWithEditor(FormDefinition def) throws Exception {
      onFx(
          () -> {
            scene.setRoot(new StackPane());
            return null;
          });
      waitPulse();
      long before = usedAfterGc();
      FormEditor[] keep = new FormEditor[1];
      onFx(
          () -> {
            keep[0] = build(def);
            scene.setRoot(keep[0].root());
            return null;
          });
      waitBuilt(keep[0]);
      long after = usedAfterGc();
      if (keep[0] == null) {
        throw new IllegalStateException();
      }
      return Math.max(0, after - before);
    }

    Keystrokes keystrokes(FormDefinition def, ItemPath field, int count) throws Exception {
      FormEditor editor = onFx(() -> build(def));
      onFx(
          () -> {
            scene.setRoot(editor.root());
            editor.focusField(field);
            return null;
          });
      waitBuilt(editor);
      TextField input =
          (TextField)
              onFx(() -> editor.inputOf(field))
                  .orElseThrow(() -> new IllegalStateException("no field " + field));
      long[] handler = new long[count];
      long[] work = new long[count];
      long[] e2e = new long[count];
      long[] cpu = new long[count];
      var threads = ManagementFactory.getThreadMXBean();
      for (int i = 0; i < count + 50; i++) {
        int n = i;
        CompletableFuture<long[]> done = new CompletableFuture<>();
        Thread.sleep(3 + (i * 7) % 11); // keystrokes land anywhere in the frame
        Platform.runLater(
            () -> {
              long t0 = System.nanoTime();
              long c0 = threads.getCurrentThreadCpuTime();
              if (input.getText().length() >= 3) {
                input.clear();
              }
              String ch = String.valueOf((char) ('1' + n % 9));
              input.fireEvent(
                  new KeyEvent(
                      KeyEvent.KEY_TYPED, ch, ch, KeyCode.UNDEFINED, false, false, false, false));
              // The edit is applied in the runnable the field queued while handling the key,
              // right after this one: handler = key handling + engine + view refresh.
              @SuppressWarnings("unchecked")
              Consumer<ChangeSet>[] listener = new Consumer[1];
              listener[0] =
                  c -> {
                    long ta = System.nanoTime();
                    long ca = threads.getCurrentThreadCpuTime();
                    editor.viewModel().removeChangeListener(listener[0]);
                    long[] pre = new long[1];
                    Runnable preL = () -> pre[0] = System.nanoTime();
                    scene.addPreLayoutPulseListener(preL);
                    afterNextLayout(
                        () -> {
                          scene.removePreLayoutPulseListener(preL);
                          long t2 = System.nanoTime();
                          done.complete(
                              new long[] {ta - t0, (ta - t0) + (t2 - pre[0]), t2 - t0, ca - c0});
                        });
                  };
              editor.viewModel().addChangeListener(listener[0]);
            });
        long[] r = done.get(10, TimeUnit.SECONDS);
        if (i >= 50) {
          handler[i - 50] = r[0];
          work[i - 50] = r[1];
          e2e[i - 50] = r[2];
          cpu[i - 50] = r[3];
        }
      }
      if (onFx(() -> editor.viewModel().session().state(field).orElseThrow().answers().isEmpty())) {
        throw new IllegalStateException("keystrokes did not reach the session");
      }
      Arrays.sort(handler);
      Arrays.sort(work);
      Arrays.sort(e2e);
      Arrays.sort(cpu);
      return new Keystrokes(handler, work, e2e, cpu);
    }

    private void afterNextLayout(Runnable r) {
      Runnable[] self = new Runnable[1];
      self[0] =
          () -> {
            scene.removePostLayoutPulseListener(self[0]);
            r.run();
          };
      scene.addPostLayoutPulseListener(self[0]);
      Platform.requestNextPulse();
    }

    void waitPulse() throws Exception {
      CompletableFuture<Void> f = new CompletableFuture<>();
      Platform.runLater(() -> afterNextLayout(() -> f.complete(null)));
      f.get(10, TimeUnit.SECONDS);
    }

    void close() {
      tasks.close();
    }
  }

  static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return mem.getUsed();
  }

  static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(work.call());
          } catch (Throwable e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(60, TimeUnit.SECONDS);
  }

  /**
   * Every value set resolves (generated ICD-10-size lists where the repository ships none), so Form
   * 003 opens; real lists come from the app's terminology.
   */
  static final class BenchTerminology implements TerminologySource {
    private final Map<String, Optional<ValueSetExpansion>> sets =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final TerminologySource shared = shared();

    private static TerminologySource shared() {
      String dir = System.getProperty("dhp.shared.dir");
      Path p = dir == null ? null : Path.of(dir, "terminology");
      return p != null && Files.isDirectory(p)
          ? uz.dhp.forms.terminology.LocalTerminology.load(FhirContext.forR5Cached(), List.of(p))
              .terminology()
          : TerminologySource.none();
    }

    @Override
    public Optional<ValueSetExpansion> expand(String url) {
      Optional<ValueSetExpansion> real = shared.expand(url);
      return real.isPresent() ? real : sets.computeIfAbsent(url, u -> Optional.of(generate(u)));
    }

    private static ValueSetExpansion generate(String url) {
      int n = url.contains("icd-10") ? 12_000 : 50;
      List<Concept> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(new Concept("urn:bench", "c" + i, "Kod " + i, Map.of()));
      }
      return new ValueSetExpansion(url, list);
    }

    @Override
    public Optional<Concept> lookup(String system, String code) {
      return shared.lookup(system, code);
    }

    @Override
    public boolean knowsCodeSystem(String system) {
      return true;
    }
  }

  private FormRenderBench() {}
}
