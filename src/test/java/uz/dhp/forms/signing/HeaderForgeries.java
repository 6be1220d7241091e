package uz.dhp.forms.signing;

import static uz.dhp.forms.signing.JwsForge.b64u;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Forgeries of the compact structure, the protected header and the signing time. */
final class HeaderForgeries {

  private HeaderForgeries() {}

  static void structure(NegativeCorpus.Base b, List<NegativeCorpus.Forgery> out) {
    String valid = b.valid();
    out.add(b.forgery("extra segment", valid + ".AAAA", "malformed"));
    out.add(b.forgery("JWE-like five segments", valid + ".AAAA.BBBB", "malformed"));
    out.add(b.forgery("header only", valid.substring(0, valid.indexOf('.')), "malformed"));
    String[] corrupt = {"+", "=", "*", " "};
    String c = corrupt[b.index % corrupt.length];
    out.add(
        b.forgery(
            "non-base64url '" + c + "' in the signature",
            valid.substring(0, valid.length() - 1) + c,
            "malformed"));
    out.add(
        b.forgery("non-base64url '" + c + "' in the header", c + valid.substring(1), "malformed"));
    String header = JwsForge.headerJson(b.header(b.credential, NegativeCorpus.SIG_T, b.doc));
    String duplicated = "{\"alg\":\"none\"," + header.substring(1);
    out.add(
        b.forgery(
            "duplicate alg member",
            b.signHeader(duplicated, b.doc.bytes(), b.credential.privateKey(), b.alg.joseName()),
            "malformed"));
    out.add(
        b.forgery(
            "header is an array",
            b64u("[]".getBytes(StandardCharsets.UTF_8))
                + ".."
                + valid.substring(valid.lastIndexOf('.') + 1),
            "malformed"));
    if (b.index % 3 == 0) {
      out.add(
          b.forgery(
              "oversized", valid + "A".repeat(SignatureVerifier.MAX_JWS_LENGTH), "malformed"));
      out.add(b.forgery("empty", "", "malformed"));
    }
  }

  static void header(NegativeCorpus.Base b, List<NegativeCorpus.Forgery> out) {
    out.add(
        b.forgery(
            "b64=false not listed in crit",
            b.make(
                h -> {
                  h.put("b64", false);
                  h.put("crit", critWithout(h, "b64"));
                }),
            "b64Misuse"));
    Object[] wrongTypes = {"false", 0, "no", List.of(false)};
    Object wrongType = wrongTypes[b.index % wrongTypes.length];
    out.add(
        b.forgery(
            "b64 of wrong type " + wrongType,
            b.make(
                h -> {
                  h.put("b64", wrongType);
                  h.put("crit", critWith(h, "b64"));
                }),
            "b64Misuse"));
    out.add(
        b.forgery(
            "crit lists b64 that is absent",
            b.make(
                h -> {
                  h.remove("b64");
                  h.put("crit", critWith(h, "b64"));
                }),
            "criticalInvalid"));
    out.add(
        b.forgery(
            "crit lists an unknown parameter",
            b.make(
                h -> {
                  h.put("exp", 1);
                  h.put("crit", critWith(h, "exp"));
                }),
            "criticalInvalid"));
    Object[] badCrit = {List.of(), "sigT", List.of(1), List.of("sigT", "sigT")};
    Object crit = badCrit[b.index % badCrit.length];
    out.add(
        b.forgery(
            "crit " + crit,
            b.make(
                h -> {
                  h.remove("b64");
                  h.remove("sigD");
                  h.put("crit", crit);
                }),
            "criticalInvalid"));
    out.add(b.forgery("typ JWT", b.make(h -> h.put("typ", "JWT")), "wrongType"));
    Object[] commitments = {
      List.of(Map.of("commId", Map.of("id", "urn:oid:1.2.840.10065.1.12.1.5"))),
      List.of(),
      "urn:oid:1.2.840.10065.1.12.1.1",
      List.of(Map.of("commId", "urn:oid:1.2.840.10065.1.12.1.7"))
    };
    Object commitment = commitments[b.index % commitments.length];
    out.add(
        b.forgery(
            "srCms " + commitment, b.make(h -> h.put("srCms", commitment)), "commitmentMismatch"));
    String[] sigDFaults = {
      "not critical", "wrong mId", "hashM S1", "two hashV", "hashV not base64url", "hashV too short"
    };
    String fault = sigDFaults[b.index % sigDFaults.length];
    out.add(
        b.forgery(
            "sigD " + fault,
            b.make(
                h -> {
                  Map<String, Object> sigD =
                      new LinkedHashMap<>(
                          Map.of(
                              "mId",
                              "http://uri.etsi.org/19182/ObjectIdByURIHash",
                              "pars",
                              List.of("Bundle/x"),
                              "hashM",
                              "S256",
                              "hashV",
                              List.of(b.doc.hashBase64Url())));
                  h.put("crit", critWith(h, "sigD"));
                  switch (fault) {
                    case "not critical" -> h.put("crit", critWithout(h, "sigD"));
                    case "wrong mId" -> sigD.put("mId", "http://uri.etsi.org/19182/HttpHeaders");
                    case "hashM S1" -> sigD.put("hashM", "S1");
                    case "two hashV" ->
                        sigD.put("hashV", List.of(b.doc.hashBase64Url(), b.doc.hashBase64Url()));
                    case "hashV not base64url" -> sigD.put("hashV", List.of("+/+/"));
                    default -> sigD.put("hashV", List.of("AAAA"));
                  }
                  h.put("sigD", sigD);
                }),
            "hashReferenceInvalid"));
  }

  static void time(NegativeCorpus.Base b, List<NegativeCorpus.Forgery> out) {
    out.add(
        b.forgery(
            "sigT in the future",
            b.make(
                b.credential,
                b.doc,
                SigningFixture.NOW.plus(Duration.ofHours(1)).toString(),
                x -> {}),
            "signingTimeInFuture"));
    out.add(
        b.forgery(
            "sigT before the ceremony (replayed)",
            b.make(
                b.credential,
                b.doc,
                SigningFixture.NOW.minus(Duration.ofDays(1)).toString(),
                x -> {}),
            "signingTimeStale"));
    Object[] badTimes = {"yesterday", "2026-11-26", 1764147600, "2026-13-40T00:00:00Z", ""};
    Object badTime = badTimes[b.index % badTimes.length];
    out.add(
        b.forgery("sigT " + badTime, b.make(h -> h.put("sigT", badTime)), "signingTimeInvalid"));
    out.add(
        b.forgery(
            "no signing time",
            b.make(
                h -> {
                  h.remove("sigT");
                  List<Object> crit = critWithout(h, "sigT");
                  if (crit.isEmpty()) {
                    h.remove("crit");
                  } else {
                    h.put("crit", crit);
                  }
                }),
            "signingTimeMissing"));
    out.add(
        b.forgery(
            "iat disagrees with sigT",
            b.make(
                h -> h.put("iat", SigningFixture.NOW.minus(Duration.ofHours(1)).getEpochSecond())),
            "signingTimeMismatch"));
  }

  @SuppressWarnings("unchecked")
  private static List<Object> critWith(Map<String, Object> h, String name) {
    List<Object> crit = new ArrayList<>((List<Object>) h.getOrDefault("crit", List.of()));
    if (!crit.contains(name)) {
      crit.add(name);
    }
    return crit;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> critWithout(Map<String, Object> h, String name) {
    List<Object> crit = new ArrayList<>((List<Object>) h.getOrDefault("crit", List.of()));
    crit.remove(name);
    return crit;
  }
}
