package uz.dhp.forms.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The negative corpus: every forged or malformed signature is Rejected, for the right reason. */
class SignatureVerifierNegativeCorpusTest {

  private static List<NegativeCorpus.Forgery> corpus;

  static synchronized List<NegativeCorpus.Forgery> corpus() {
    if (corpus == null) {
      corpus = new NegativeCorpus().generate();
    }
    return corpus;
  }

  static Stream<Arguments> forgeries() {
    return corpus().stream().map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forgeries")
  void isRejectedWithTheExpectedReason(NegativeCorpus.Forgery forgery) {
    SignatureOutcome outcome =
        SigningFixture.get().verifier.verify(forgery.jws(), forgery.document(), forgery.context());
    assertThat(outcome).isInstanceOf(SignatureOutcome.Rejected.class);
    assertThat(((SignatureOutcome.Rejected) outcome).reasonKey()).isEqualTo(forgery.expectedKey());
  }

  @Test
  void corpusIsLargeAndCoversEveryReason() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(200);
    assertThat(corpus().stream().map(NegativeCorpus.Forgery::expectedKey).distinct())
        .hasSizeGreaterThanOrEqualTo(20);
  }
}
