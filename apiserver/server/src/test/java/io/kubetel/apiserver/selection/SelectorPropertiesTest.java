package io.kubetel.apiserver.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubetel.apiserver.metrics.MetricsResource;
import io.kubetel.model.labels.LabelSelector;
import io.kubetel.model.labels.LabelSelectorParser;
import io.kubetel.model.problem.InvalidInputException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile inputs: parsers either succeed or fail with an input error (400), nothing else. */
class SelectorPropertiesTest {
  private static final SelectionParser METRICS =
      new SelectionParser(new MetricsResource(null).vocabulary(), WindowPolicy.DEFAULT);

  @Provide
  Arbitrary<String> selectorish() {
    return Arbitraries.strings()
        .withChars("ab=!(),<> \\'\"-_./;x1")
        .withCharRange('\u0000', '\u007f')
        .ofMaxLength(40);
  }

  @Property(tries = 500)
  void labelSelectorsFailOnlyWithAnInputError(@ForAll("selectorish") String input) {
    try {
      LabelSelector s = LabelSelectorParser.parse(input);
      // a parsed selector re-parses to itself
      assertThat(LabelSelectorParser.parse(s.toString()).toString()).isEqualTo(s.toString());
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 500)
  void fieldSelectorsFailOnlyWithAnInputError(@ForAll("selectorish") String input) {
    try {
      FieldSelectorParser.parse(input);
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 300)
  void wholeSelectionFailsOnlyWithBadRequest(
      @ForAll("selectorish") String labels,
      @ForAll("selectorish") String fields,
      @ForAll("selectorish") String window) {
    Map<String, String> params = new HashMap<>();
    params.put("labelSelector", labels);
    params.put("fieldSelector", fields);
    params.put("window", window);
    try {
      METRICS.parse(params, Optional.of("shop"), Instant.parse("2026-11-25T12:00:00Z"));
    } catch (InvalidInputException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 300)
  void escapedFieldValuesRoundTrip(@ForAll String value) {
    String escaped = value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    var terms = FieldSelectorParser.parse("k=" + escaped);
    if (!value.strip().equals(value)) {
      return; // surrounding blanks are trimmed, as Kubernetes does
    }
    assertThat(terms).hasSize(1);
    assertThat(terms.get(0).value()).isEqualTo(value);
  }
}
