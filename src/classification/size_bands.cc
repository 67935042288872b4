#include "classification/size_bands.h"

namespace chosa {

BandMap ReadBands(YamlReader& r, const YAML::Node& node) {
  BandMap bands;
  if (!node.IsMap()) {
    r.Error(node, "bad-bands", "bands は「コード: [下限, 上限]」の形で書いてください");
    return bands;
  }
  for (auto it = node.begin(); it != node.end(); ++it) {
    int code = 0;
    YAML::Node range = it->second;
    if (!YAML::convert<int>::decode(it->first, code) || !range.IsSequence() || range.size() != 2) {
      r.Error(it->first, "bad-bands", "bands は「コード: [下限, 上限]」の形で書いてください");
      continue;
    }
    auto value = [&](const YAML::Node& v) -> std::optional<int64_t> {
      Result<int64_t> yen = ParseYen(v.Scalar());
      if (!v.IsScalar() || !yen.ok()) {
        r.Error(v, "bad-bands", fmt::format("「{}」は数値ではありません", v.Scalar()));
        return std::nullopt;
      }
      return *yen;
    };
    std::optional<int64_t> low = value(range[0]);
    std::optional<int64_t> high;
    if (!range[1].IsNull() && range[1].Scalar() != "null") {
      high = value(range[1]);
      if (!high) continue;
    }
    if (!low) continue;
    if (high && *high < *low) {
      r.Error(range, "bad-bands", "上限が下限より小さくなっています");
      continue;
    }
    bands[code] = ValueRange{*low, high};
  }
  return bands;
}

}  // namespace chosa
