package io.kubetel.archfixture.one_json_mapper.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Breaks the rule: a store class building its own Jackson mappers. */
public class RowDecoder {
  final ObjectMapper plain = new ObjectMapper();
  final ObjectMapper built = JsonMapper.builder().build();
}
