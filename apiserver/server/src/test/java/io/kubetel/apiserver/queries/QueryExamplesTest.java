package io.kubetel.apiserver.queries;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kubetel.model.query.QueryValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every TelemetryQuery under {@code examples/} parses as strictly as a create request would and
 * passes query validation, so the README's {@code kubectl create -f} examples keep working.
 */
class QueryExamplesTest {
  private static final Path EXAMPLES = Path.of("..", "..", "examples");

  @Test
  void everyQueryExampleIsAValidCreateBody() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(EXAMPLES)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    QueryBodyParser parser = new QueryBodyParser();
    ObjectMapper json = new ObjectMapper();
    int queries = 0;
    for (Path file : files) {
      JsonNode doc = new YAMLMapper().readTree(file.toFile());
      if (!QueryBodyParser.KIND.equals(doc.path("kind").asText())) {
        continue;
      }
      queries++;
      ParsedQuery parsed = parser.parse(json.writeValueAsString(doc), "shop");
      assertThat(QueryValidator.check(parsed.spec(), Instant.now())).as(file.toString()).isEmpty();
    }
    assertThat(queries).as("TelemetryQuery examples under " + EXAMPLES).isPositive();
  }
}
