package io.kubetel.apiserver.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** How tenant credentials and alert receiver Secrets are read: one decoder for both. */
class SecretValuesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode secret(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void stringDataWinsOverData() throws Exception {
    JsonNode s =
        secret(
            "{\"stringData\":{\"password\":\"plain\"},\"data\":{\"password\":\"ZW5jb2RlZA==\"}}");
    assertThat(SecretValues.value(s, "password")).contains("plain");
  }

  @Test
  void dataIsBase64EvenWhenWrappedOverLines() throws Exception {
    assertThat(SecretValues.value(secret("{\"data\":{\"username\":\"cmVhZGVy\"}}"), "username"))
        .contains("reader");
    // A YAML file may wrap a long value; kubectl and the API server accept it, so do we.
    assertThat(
            SecretValues.value(
                secret("{\"data\":{\"url\":\"aHR0cHM6Ly9ob29rcy5l\\neGFtcGxlL2E=\"}}"), "url"))
        .contains("https://hooks.example/a");
  }

  @Test
  void absentOrNotBase64IsEmpty() throws Exception {
    assertThat(SecretValues.value(secret("{\"data\":{\"a\":\"!!!\"}}"), "a")).isEmpty();
    assertThat(SecretValues.value(secret("{\"data\":{\"a\":\"YQ==\"}}"), "b")).isEmpty();
    assertThat(SecretValues.value(secret("{\"data\":{\"a\":42}}"), "a")).isEmpty();
  }
}
