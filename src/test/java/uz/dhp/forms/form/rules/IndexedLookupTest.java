package uz.dhp.forms.form.rules;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hl7.fhir.r5.fhirpath.ExpressionNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uz.dhp.forms.form.answer.ItemPath;
import uz.dhp.forms.form.answer.ResponseStatus;
import uz.dhp.forms.form.definition.AnswerValue;
import uz.dhp.forms.form.definition.FormDefinition;
import uz.dhp.forms.form.io.FormLoader;
import uz.dhp.forms.form.io.LoadOutcome;
import uz.dhp.forms.terminology.TerminologySource;

/**
 * The linkId index must answer {@code %resource.repeat(item).where(linkId='x')} exactly as the HL7
 * engine's walk does: two sessions of one form, one indexed and one not, get the same random edits
 * and must agree on every answer, enablement, issue and change set.
 */
class IndexedLookupTest {

  static final String CALC = FormSessionRulesTest.CALC;
  static final String ENABLE = FormSessionRulesTest.ENABLE;
  static final String R = "%resource.repeat(item).where(linkId='";

  static FormEngine indexed;
  static FormEngine plain;
  static FormDefinition def;

  @BeforeAll
  static void setUp() {
    FhirContext ctx = FhirContext.forR5Cached();
    indexed = new FormEngine(ctx, TerminologySource.none(), true);
    plain = new FormEngine(ctx, TerminologySource.none(), false);
    LoadOutcome o =
        new FormLoader(ctx, indexed)
            .parse(
                "diff",
                "{\"resourceType\":\"Questionnaire\",\"status\":\"draft\",\"item\":["
                    + form()
                    + "]}");
    assertThat(o).isInstanceOf(LoadOutcome.Loaded.class);
    def = ((LoadOutcome.Loaded) o).definition();
  }

  static String q(String linkId, String type, String extra) {
    return "{\"linkId\":\"" + linkId + "\",\"type\":\"" + type + "\"" + extra + "}";
  }

  static String calc(String linkId, String type, String expr) {
    return q(linkId, type, ",\"extension\":[" + FormSessionRulesTest.ext(CALC, expr) + "]");
  }

  static String group(String linkId, String extra, String... items) {
    return "{\"linkId\":\""
        + linkId
        + "\",\"type\":\"group\""
        + extra
        + ",\"item\":["
        + String.join(",", items)
        + "]}";
  }

  static String when(String question, String op, String answer) {
    return ",\"enableWhen\":[{\"question\":\""
        + question
        + "\",\"operator\":\""
        + op
        + "\","
        + answer
        + "}]";
  }

  /**
   * Nested and repeating groups (a repeating group inside a row), rows hidden by enableWhen, a
   * display item and a repeating question, read by calculations that are sensitive to count and
   * order, inside other functions, in variables and enableWhen.
   */
  static String form() {
    return String.join(
        ",",
        group(
            "a",
            "",
            q("a.flag", "boolean", ""),
            q("a.x", "decimal", ""),
            q("a.s", "string", ",\"repeats\":true"),
            q("a.d", "display", ",\"text\":\"note\""),
            q("a.q", "decimal", "")),
        group("b", when("a.flag", "=", "\"answerBoolean\":true"), q("b.y", "decimal", "")),
        group(
            "r",
            ",\"repeats\":true",
            q("r.n", "decimal", ""),
            q("r.s", "string", ""),
            q("r.opt", "decimal", when("r.n", ">", "\"answerDecimal\":5")),
            group("r.sub", ",\"repeats\":true", q("r.sub.v", "integer", "")),
            calc("r.calc", "string", R + "r.s').answer.value.join('+')")),
        group(
            "c",
            "",
            calc("c1", "decimal", R + "a.x').answer.value.first() * 2"),
            calc("c2", "integer", R + "r.n').count()"),
            calc("c3", "string", R + "r.s').answer.value.join('|')"),
            calc("c4", "integer", R + "r.opt').answer.value.where($this > 7).count()"),
            calc("c5", "integer", R + "r.sub.v').answer.value.count()"),
            calc("c6", "string", "iif(" + R + "a.q').exists(), 'y', 'n')"),
            calc("c7", "integer", R + "a.d').count() + " + R + "b.y').count() * 10"),
            calc("c8", "string", R + "a.s').answer.value.join(',')"),
            calc(
                "c9",
                "decimal",
                "%resource.repeat(item).where(linkId = 'b.y').answer.value.first() + "
                    + R
                    + "a.q').answer.value.first()"),
            calc("c10", "integer", "%resource.repeat(item).where(linkId ~ 'r.n').count()"),
            q(
                "c.e",
                "string",
                ",\"extension\":["
                    + FormSessionRulesTest.ext(ENABLE, R + "r.n').answer.value.exists()")
                    + ","
                    + FormSessionRulesTest.var("v", R + "r.sub.v').answer.value.first()")
                    + "]"),
            q(
                "c.child",
                "integer",
                ",\"extension\":["
                    + FormSessionRulesTest.var("w", R + "r.sub.v').answer.value.last()")
                    + ","
                    + FormSessionRulesTest.ext(CALC, "%w")
                    + "]")));
  }

  @Test
  void theTestFormUsesTheIdiomSoTheIndexIsReallyExercised() {
    ExpressionEngine.ParseOutcome p =
        indexed.expressions().parse(R + "r.n').answer.value.first() * 2 + 1");
    ExpressionNode node = ((ExpressionEngine.ParseOutcome.Parsed) p).node();
    ExpressionNode rewritten = IndexedLookup.rewrite(node);
    assertThat(rewritten).isNotSameAs(node);
    assertThat(rewritten.toString()).contains(IndexedLookup.PREFIX + "r.n");
    // the shared parsed form is left as it was
    assertThat(node.toString()).contains("repeat");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%resource.repeat(item).where(linkId ~ 'x').answer.value",
        "%resource.repeat(item).where(linkId = 'x' and answer.exists()).answer.value",
        "%resource.repeat(item.answer).where(linkId = 'x')",
        "%context.repeat(item).where(linkId = 'x')",
        "%resource.item.where(linkId = 'x').answer.value",
        "%resource.repeat(item).where(text = 'x')",
        "%resource.repeat(item).where(linkId = %v)"
      })
  void otherShapesAreLeftToTheEngine(String expression) {
    ExpressionNode node =
        ((ExpressionEngine.ParseOutcome.Parsed) indexed.expressions().parse(expression)).node();
    assertThat(IndexedLookup.rewrite(node)).isSameAs(node);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void indexedAndPlainSessionsAgreeOnRandomFillings(long seed) {
    FormSession a = ((OpenOutcome.Opened) indexed.open(def)).session();
    FormSession b = ((OpenOutcome.Opened) plain.open(def)).session();
    assertSame(a, b);
    Random rnd = new Random(seed);
    for (int step = 0; step < 150; step++) {
      List<ItemPath> questions = new ArrayList<>();
      List<ItemPath> rows = new ArrayList<>();
      collect(a, null, questions, rows);
      int kind = rnd.nextInt(10);
      ChangeSet ca;
      ChangeSet cb;
      if (kind < 7 || rows.isEmpty()) {
        ItemPath p = questions.get(rnd.nextInt(questions.size()));
        List<AnswerValue> v = randomAnswers(a.state(p).orElseThrow(), rnd);
        ca = a.setAnswers(p, v);
        cb = b.setAnswers(p, v);
      } else {
        ItemPath row = rows.get(rnd.nextInt(rows.size()));
        int count = a.rowCount(row);
        if (kind == 7) {
          ItemPath at = row.withIndex(rnd.nextInt(count + 1));
          ca = a.insertRow(at);
          cb = b.insertRow(at);
        } else if (kind == 8) {
          ca = a.removeRow(row);
          cb = b.removeRow(row);
        } else {
          int to = rnd.nextInt(count);
          ca = a.moveRow(row, to);
          cb = b.moveRow(row, to);
        }
      }
      assertThat(ca).as("seed %d step %d", seed, step).isEqualTo(cb);
      assertSame(a, b);
    }
    // the walk must have seen real data, not only empty answers
    assertThat(a.toResponse(ResponseStatus.IN_PROGRESS).items()).isNotEmpty();
  }

  private static void assertSame(FormSession a, FormSession b) {
    assertThat(a.toResponse(ResponseStatus.IN_PROGRESS).items())
        .isEqualTo(b.toResponse(ResponseStatus.IN_PROGRESS).items());
    List<ItemPath> qa = new ArrayList<>();
    collect(a, null, qa, new ArrayList<>());
    for (ItemPath p : qa) {
      assertThat(a.state(p)).as(p.toString()).isEqualTo(b.state(p));
    }
    assertThat(a.validateAll()).isEqualTo(b.validateAll());
  }

  private static void collect(
      FormSession s, ItemPath parent, List<ItemPath> questions, List<ItemPath> rows) {
    for (ItemPath p : s.children(parent)) {
      var st = s.state(p).orElseThrow();
      if (st.item().common().repeats() && !st.item().type().isQuestion()) {
        rows.add(p);
      }
      if (st.item().type().isQuestion() && !st.readOnly()) {
        questions.add(p);
      }
      collect(s, p, questions, rows);
    }
  }

  private static List<AnswerValue> randomAnswers(
      uz.dhp.forms.form.rules.ItemState state, Random rnd) {
    if (rnd.nextInt(6) == 0) {
      return List.of();
    }
    AnswerValue v =
        switch (state.item().type()) {
          case BOOLEAN -> new AnswerValue.BooleanValue(rnd.nextBoolean());
          case DECIMAL -> new AnswerValue.DecimalValue(BigDecimal.valueOf(rnd.nextInt(120), 1));
          case INTEGER -> new AnswerValue.IntegerValue(rnd.nextInt(20));
          default -> new AnswerValue.StringValue("s" + rnd.nextInt(5));
        };
    if (state.item().common().repeats() && rnd.nextBoolean()) {
      return List.of(v, new AnswerValue.StringValue("t" + rnd.nextInt(3)));
    }
    return List.of(v);
  }
}
