// The public self-diagnosis (issue 5): the receipt of a questionnaire that asks a diagnosis is
// its result — total and band with what it means, points per part as bars, the items to fix
// first with plain explanations, first steps and public support, SECURITY ACTION readiness and
// the comparison with the diagnoses stored so far.
#include <fmt/format.h>

#include "diagnosis/companies.h"
#include "server/web_app.h"
#include "tabulation/dataset_builder.h"

namespace chosa::web {
namespace {

using kainjow::mustache::list;

constexpr size_t kPriorities = 5;  // items to fix first, shown in full

std::optional<int> CodeOf(const Questionnaire& qn, const Answers& answers, const std::string& id) {
  int q = qn.FindQuestion(id);
  if (q < 0 || !answers[q].answered() || answers[q].codes.empty()) return std::nullopt;
  return answers[q].codes[0];
}

View ItemView(const Diagnosis& d, const ItemScore& s, size_t rank) {
  View v;
  v.set("rank", std::to_string(rank));
  v.set("part", std::to_string(s.part->number));
  v.set("id", s.item->id);
  v.set("title", s.item->title);
  const ScaleEntry* e = s.code ? d.FindScale(*s.code) : nullptr;
  v.set("answer", e != nullptr ? e->label : std::string("未回答"));
  v.set("explain", s.item->explain);
  list steps, support;
  for (const std::string& step : s.item->steps) steps.push_back(View("text", step));
  for (const std::string& id : s.item->support) {
    const SupportMeasure* m = d.FindSupport(id);
    if (m == nullptr) continue;
    View sv;
    sv.set("name", m->name);
    sv.set("what", m->what);
    sv.set("url", m->url);
    support.push_back(sv);
  }
  v.set("steps", steps);
  v.set("support", support);
  return v;
}

}  // namespace

HttpResponse WebApp::DiagnosisResultPage(const Served& served, const Questionnaire& qn,
                                         const Answers& answers,
                                         const std::string& submitted_at) const {
  const Diagnosis& d = *served.diagnosis;
  std::map<std::string, int> codes;
  for (const DiagnosisPart& p : d.parts)
    for (const DiagnosisItem& item : p.items)
      if (std::optional<int> c = CodeOf(qn, answers, item.id)) codes[item.id] = *c;
  DiagnosisResult r = ScoreDiagnosis(d, codes);

  View v;
  v.set("survey_title", qn.title);
  v.set("submitted_at", submitted_at);
  v.set("total", std::to_string(r.total));
  v.set("max", std::to_string(r.max));
  v.set("band", r.band->label);
  v.set("band_id", r.band->id);
  v.set("meaning", r.band->meaning);
  v.set("next", r.band->next);
  list parts;
  for (const PartScore& p : r.parts) {
    View pv;
    pv.set("number", std::to_string(p.part->number));
    pv.set("title", p.part->title);
    pv.set("points", std::to_string(std::max(0, p.points)));
    pv.set("shown", std::to_string(p.points));
    pv.set("max", std::to_string(p.max));
    parts.push_back(pv);
  }
  v.set("parts", parts);
  list priorities;
  for (size_t i = 0; i < r.priorities.size() && i < kPriorities; ++i)
    priorities.push_back(ItemView(d, r.items[r.priorities[i]], i + 1));
  v.set("priorities", priorities);
  v.set("has_priorities", !r.priorities.empty());
  if (r.priorities.size() > kPriorities) {
    list rest;
    for (size_t i = kPriorities; i < r.priorities.size(); ++i) {
      const ItemScore& s = r.items[r.priorities[i]];
      rest.push_back(View("title", fmt::format("{}（Part {}）", s.item->title, s.part->number)));
    }
    v.set("rest", rest);
  }
  list not_applicable;
  for (const ItemScore& s : r.items)
    if (s.not_applicable) not_applicable.push_back(View("title", s.item->title));
  v.set("not_applicable", not_applicable);
  v.set("has_not_applicable", r.not_applicable > 0);
  const SecurityActionReadiness& sa = r.security_action;
  v.set("one_star", sa.one_star);
  v.set("one_star_missing", std::to_string(sa.one_star_missing.size()));
  v.set("two_star", sa.two_star);

  // Peers: every complete diagnosis stored for this questionnaire, this one included.
  std::optional<int> industry = CodeOf(qn, answers, d.profile.industry);
  int employees_q = qn.FindQuestion(d.profile.employees);
  std::optional<double> employees;
  if (employees_q >= 0 && answers[employees_q].answered()) employees = answers[employees_q].number;
  int size =
      PeerSizeOf(d.profile, industry.value_or(0), employees,
                 d.profile.capital.empty() ? std::nullopt : CodeOf(qn, answers, d.profile.capital));
  SurveyCatalog catalog(Db());
  Dataset data(qn);
  Status loaded = LoadDatasetFromStorage(Db(), catalog, {}, &data);
  if (loaded.ok()) {
    PeerComparison c = ComparePeers(r.total, industry.value_or(0), size,
                                    PeerScoresOf(DiagnoseRespondents(d, data)));
    std::string industry_label = "業種不明";
    if (const Option* o =
            industry ? qn.questions[qn.FindQuestion(d.profile.industry)].FindOption(*industry)
                     : nullptr) {
      industry_label = o->label;
    }
    View pv;
    pv.set("group", PeerScopeLabel(c.scope, industry_label, PeerSizeName(size)));
    pv.set("n", std::to_string(c.n));
    pv.set("mean", fmt::format("{:.1f}", c.mean));
    pv.set("percentile", fmt::format("{:.0f}", c.percentile));
    pv.set("standard_score", fmt::format("{:.1f}", c.standard_score));
    pv.set("reference", !c.enough);
    if (c.n > 0) v.set("peers", pv);
  }
  return Page("diagnosis_result", v, qn.title + "（診断結果）");
}

}  // namespace chosa::web
