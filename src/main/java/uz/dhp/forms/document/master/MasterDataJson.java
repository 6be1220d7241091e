package uz.dhp.forms.document.master;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Optional;

/**
 * JSON form of {@link ClinicMasterData}, for the settings store. Unknown fields are ignored so that
 * older app versions can read newer files; a malformed text gives an empty result, not an
 * exception.
 */
public final class MasterDataJson {

  private final ObjectMapper mapper =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  public String write(ClinicMasterData data) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("records always serialize", e);
    }
  }

  public Optional<ClinicMasterData> read(String json) {
    try {
      return Optional.ofNullable(mapper.readValue(json, ClinicMasterData.class));
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
