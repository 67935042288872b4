#include "analysis/derived.h"

#include <fmt/format.h>

#include <algorithm>

#include "diagnosis/companies.h"
#include "questionnaire/prefectures.h"

namespace chosa {
namespace {

const Question* Find(const Questionnaire& qn, const std::string& id) {
  int i = qn.FindQuestion(id);
  return i < 0 ? nullptr : &qn.questions[i];
}

std::vector<Option> OptionsOf(const DerivedVariable& d) {
  std::vector<Option> out;
  auto add = [&](int code, std::string label) {
    Option o;
    o.code = code;
    o.label = std::move(label);
    out.push_back(std::move(o));
  };
  switch (d.kind) {
    case DerivedVariable::Kind::kSmeSize:
      add(kSizeSmall, "小規模企業者");
      if (d.sme.split_at > 0) {
        add(kSizeSme, fmt::format("中小企業（{}人以下）", d.sme.split_at));
        add(kSizeSmeUpper, fmt::format("中小企業（{}人以上）", d.sme.split_at + 1));
      } else {
        add(kSizeSme, "中小企業者（小規模企業者を除く）");
      }
      add(kSizeLarge, "大企業");
      add(kSizeUnknown, "判定できない");
      break;
    case DerivedVariable::Kind::kRecode:
      for (const RecodeGroup& g : d.recode.groups) add(g.code, g.label);
      break;
    case DerivedVariable::Kind::kRegion:
      for (const RegionBlock& b : RegionBlocksOf(d.blocks)) add(b.code, std::string(b.name));
      break;
    case DerivedVariable::Kind::kDiagnosis:
      for (size_t i = 0; i < d.diagnosis->bands.size(); ++i)
        add(static_cast<int>(i) + 1, d.diagnosis->bands[i].label);
      break;
  }
  return out;
}

// The value range an answer stands for: a band of a single-answer question or a number.
std::optional<ValueRange> RangeOf(const Dataset& data, int q, const BandMap& bands, int64_t r) {
  const QuestionColumn& c = data.column(q);
  if (c.states[r] != AnswerState::kAnswered) return std::nullopt;
  if (data.questionnaire().questions[q].type == QuestionType::kNumber)
    return ValueRange::Exact(static_cast<int64_t>(c.numbers[r]));
  auto it = bands.find(c.codes[r]);
  if (it == bands.end()) return std::nullopt;
  return it->second;
}

void Derive(const Dataset& data, const DerivedVariable& d, QuestionColumn* out) {
  const Questionnaire& qn = data.questionnaire();
  out->states.assign(static_cast<size_t>(data.size()), AnswerState::kNoAnswer);
  out->codes.assign(static_cast<size_t>(data.size()), 0);
  auto set = [&](int64_t r, int code) {
    out->states[r] = AnswerState::kAnswered;
    out->codes[r] = static_cast<int16_t>(code);
  };
  switch (d.kind) {
    case DerivedVariable::Kind::kSmeSize: {
      int ind = qn.FindQuestion(d.sme.industry), emp = qn.FindQuestion(d.sme.employees);
      int cap = d.sme.capital.empty() ? -1 : qn.FindQuestion(d.sme.capital);
      const QuestionColumn& ic = data.column(ind);
      for (int64_t r = 0; r < data.size(); ++r) {
        std::optional<ValueRange> employees = RangeOf(data, emp, d.sme.employee_bands, r);
        if (ic.states[r] != AnswerState::kAnswered || !employees) continue;
        auto industry = d.sme.industry_map.find(ic.codes[r]);
        if (industry == d.sme.industry_map.end()) {
          set(r, kSizeUnknown);
          continue;
        }
        std::optional<ValueRange> capital;
        if (cap >= 0) capital = RangeOf(data, cap, d.sme.capital_bands, r);
        switch (ClassifySize(industry->second, capital, *employees).size) {
          case SizeClass::kSmall:
            set(r, kSizeSmall);
            break;
          case SizeClass::kSme:
            if (d.sme.split_at <= 0 || (employees->high && *employees->high <= d.sme.split_at)) {
              set(r, kSizeSme);
            } else {
              set(r, employees->low > d.sme.split_at ? kSizeSmeUpper : kSizeUnknown);
            }
            break;
          case SizeClass::kLarge:
            set(r, kSizeLarge);
            break;
          case SizeClass::kUnknown:
            set(r, kSizeUnknown);
            break;
        }
      }
      break;
    }
    case DerivedVariable::Kind::kDiagnosis: {
      std::vector<std::optional<int>> totals = DiagnosisTotals(*d.diagnosis, data);
      for (int64_t r = 0; r < static_cast<int64_t>(totals.size()); ++r) {
        if (!totals[r]) continue;  // an incomplete diagnosis: no answer
        const ScoreBand& band = d.diagnosis->BandFor(*totals[r]);
        set(r, static_cast<int>(&band - d.diagnosis->bands.data()) + 1);
      }
      break;
    }
    case DerivedVariable::Kind::kRecode:
    case DerivedVariable::Kind::kRegion: {
      int from =
          qn.FindQuestion(d.kind == DerivedVariable::Kind::kRecode ? d.recode.from : d.region_from);
      std::map<int, int> to;  // source code -> derived code
      if (d.kind == DerivedVariable::Kind::kRecode) {
        for (const RecodeGroup& g : d.recode.groups)
          for (int code : g.from) to.emplace(code, g.code);
      } else {
        for (const RegionBlock& b : RegionBlocksOf(d.blocks))
          for (int p : b.prefectures) to.emplace(p, b.code);
      }
      const QuestionColumn& c = data.column(from);
      for (int64_t r = 0; r < data.size(); ++r) {
        out->states[r] =
            c.states[r] == AnswerState::kAnswered ? AnswerState::kNoAnswer : c.states[r];
        if (c.states[r] != AnswerState::kAnswered) continue;
        auto it = to.find(c.codes[r]);
        if (it != to.end()) set(r, it->second);
      }
      break;
    }
  }
}

}  // namespace

const std::vector<RegionBlock>& RegionBlocksOf(RegionBlocks blocks) {
  // The regional bureaus of the Ministry of Economy, Trade and Industry (and Okinawa's office).
  static const std::vector<RegionBlock> meti = {
      {1, "北海道", {1}},
      {2, "東北", {2, 3, 4, 5, 6, 7}},
      {3, "関東", {8, 9, 10, 11, 12, 13, 14, 15, 19, 20, 22}},
      {4, "中部", {16, 17, 21, 23, 24}},
      {5, "近畿", {18, 25, 26, 27, 28, 29, 30}},
      {6, "中国", {31, 32, 33, 34, 35}},
      {7, "四国", {36, 37, 38, 39}},
      {8, "九州", {40, 41, 42, 43, 44, 45, 46}},
      {9, "沖縄", {47}},
  };
  // The usual eight regions with Okinawa on its own.
  static const std::vector<RegionBlock> nine = {
      {1, "北海道", {1}},
      {2, "東北", {2, 3, 4, 5, 6, 7}},
      {3, "関東", {8, 9, 10, 11, 12, 13, 14}},
      {4, "中部", {15, 16, 17, 18, 19, 20, 21, 22, 23}},
      {5, "近畿", {24, 25, 26, 27, 28, 29, 30}},
      {6, "中国", {31, 32, 33, 34, 35}},
      {7, "四国", {36, 37, 38, 39}},
      {8, "九州", {40, 41, 42, 43, 44, 45, 46}},
      {9, "沖縄", {47}},
  };
  return blocks == RegionBlocks::kMeti ? meti : nine;
}

std::vector<Diagnostic> CheckDerived(const std::vector<DerivedVariable>& derived,
                                     const Questionnaire& qn) {
  std::vector<Diagnostic> out;
  auto error = [&](const DerivedVariable& d, std::string code, std::string message) {
    out.push_back(Diagnostic{d.location, std::move(code),
                             fmt::format("派生変数「{}」: {}", d.id, message), false});
  };
  // Sources: the questionnaire's questions, and for recodes also the variables derived before.
  const Questionnaire with_derived = WithDerivedQuestions(qn, derived);
  std::vector<std::string> earlier;
  auto source = [&](const DerivedVariable& d, const std::string& id, bool prefecture_ok,
                    bool number_ok) -> const Question* {
    const Question* q = Find(qn, id);
    if (q == nullptr && d.kind == DerivedVariable::Kind::kRecode &&
        std::count(earlier.begin(), earlier.end(), id) > 0) {
      q = Find(with_derived, id);
    }
    if (q == nullptr) {
      error(d, "unknown-question", fmt::format("質問「{}」は調査票「{}」にありません", id, qn.id));
    } else if (q->personal) {
      error(d, "personal-question",
            fmt::format("質問「{}」は回答者情報（個人情報）なので使えません", id));
    } else if (!(q->type == QuestionType::kSingle ||
                 (prefecture_ok && q->type == QuestionType::kPrefecture) ||
                 (number_ok && q->type == QuestionType::kNumber))) {
      error(
          d, "bad-source",
          fmt::format("質問「{}」は単一回答{}の質問にしてください", id, number_ok ? "か数値" : ""));
    } else {
      return q;
    }
    return nullptr;
  };
  auto codes_exist = [&](const DerivedVariable& d, const Question& q, const auto& codes) {
    for (int code : codes) {
      if (q.FindOption(code) == nullptr && q.type != QuestionType::kPrefecture)
        error(d, "unknown-code",
              fmt::format("質問「{}」に選択肢コード {} はありません", q.id, code));
    }
  };
  auto keys = [](const auto& map) {
    std::vector<int> k;
    for (const auto& [code, v] : map) k.push_back(code);
    return k;
  };
  for (const DerivedVariable& d : derived) {
    if (Find(qn, d.id) != nullptr || std::count(earlier.begin(), earlier.end(), d.id) > 0)
      error(d, "duplicate-id", "この ID はすでに使われています");
    switch (d.kind) {
      case DerivedVariable::Kind::kSmeSize: {
        if (const Question* q = source(d, d.sme.industry, false, false))
          codes_exist(d, *q, keys(d.sme.industry_map));
        auto banded = [&](const std::string& id, const BandMap& bands) {
          const Question* q = source(d, id, false, true);
          if (q == nullptr || q->type == QuestionType::kNumber) return;
          codes_exist(d, *q, keys(bands));
          if (bands.empty())
            error(d, "missing-bands",
                  fmt::format("単一回答の質問「{}」には bands を書いてください", id));
        };
        banded(d.sme.employees, d.sme.employee_bands);
        if (!d.sme.capital.empty()) banded(d.sme.capital, d.sme.capital_bands);
        break;
      }
      case DerivedVariable::Kind::kRecode: {
        const Question* q = source(d, d.recode.from, true, false);
        std::vector<int> seen_codes, seen_from;
        for (const RecodeGroup& g : d.recode.groups) {
          if (q != nullptr) codes_exist(d, *q, g.from);
          if (std::count(seen_codes.begin(), seen_codes.end(), g.code) > 0)
            error(d, "duplicate-code", fmt::format("コード {} が重複しています", g.code));
          seen_codes.push_back(g.code);
          for (int c : g.from) {
            if (std::count(seen_from.begin(), seen_from.end(), c) > 0)
              error(d, "overlapping-groups",
                    fmt::format("元のコード {} が複数のグループに入っています", c));
            seen_from.push_back(c);
          }
        }
        if (d.recode.groups.empty()) error(d, "no-groups", "groups がありません");
        break;
      }
      case DerivedVariable::Kind::kDiagnosis:
        for (const DiagnosisPart& p : d.diagnosis->parts) {
          for (const DiagnosisItem& item : p.items) {
            const Question* q = source(d, item.id, false, false);
            if (q == nullptr) continue;
            for (const Option& o : q->options) {
              if (d.diagnosis->FindScale(o.code) == nullptr)
                error(d, "bad-options",
                      fmt::format("診断項目「{}」の選択肢コード {} は診断の scale にありません",
                                  item.id, o.code));
            }
          }
        }
        break;
      case DerivedVariable::Kind::kRegion: {
        const Question* q = Find(qn, d.region_from);
        if (q == nullptr || q->type != QuestionType::kPrefecture) {
          error(d, "bad-source",
                fmt::format("region の from「{}」は都道府県の質問にしてください", d.region_from));
        }
        break;
      }
    }
    earlier.push_back(d.id);
  }
  return out;
}

Questionnaire WithDerivedQuestions(const Questionnaire& qn,
                                   const std::vector<DerivedVariable>& derived) {
  Questionnaire out = qn;
  for (const DerivedVariable& d : derived) {
    Question q;
    q.id = d.id;
    q.type = QuestionType::kSingle;
    q.number = d.id;
    q.text = d.label.empty() ? d.id : d.label;
    q.title = q.text;
    q.options = OptionsOf(d);
    q.section = qn.sections.empty() ? 0 : static_cast<int>(qn.sections.size()) - 1;
    q.location = d.location;
    q.IndexOptions();
    out.questions.push_back(std::move(q));
  }
  out.IndexQuestions();
  return out;
}

std::unique_ptr<Questionnaire> AddDerived(const std::vector<DerivedVariable>& derived,
                                          Dataset* data) {
  auto extended =
      std::make_unique<Questionnaire>(WithDerivedQuestions(data->questionnaire(), derived));
  // One at a time, so a variable can be derived from an earlier one (a recode of a band).
  for (const DerivedVariable& d : derived) {
    std::vector<QuestionColumn> column(1);
    Derive(*data, d, &column[0]);
    data->Extend(*extended, std::move(column));
  }
  return extended;
}

}  // namespace chosa
