package uz.dhp.forms.signing.sandbox;

import uz.dhp.forms.signing.SignatureAlgorithm;

/**
 * A synthetic practitioner of the sandbox certificate authority.
 *
 * @param pinfl a synthetic 14-digit PINFL with a valid check digit
 * @param displayName name shown in the sandbox page's practitioner picker
 * @param algorithm the algorithm of this practitioner's test key
 */
public record TestPractitioner(String pinfl, String displayName, SignatureAlgorithm algorithm) {

  /** Appends the PINFL check digit (weights 7-3-1 over digits 1–13, sum mod 10). */
  public static String pinflWithCheckDigit(String first13) {
    if (!first13.matches("\\d{13}")) {
      throw new IllegalArgumentException("13 digits expected");
    }
    int[] weights = {7, 3, 1};
    int sum = 0;
    for (int i = 0; i < 13; i++) {
      sum += (first13.charAt(i) - '0') * weights[i % 3];
    }
    return first13 + (sum % 10);
  }
}
