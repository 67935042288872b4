#include "server/diagnosis_views.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "base/clock.h"

namespace chosa::web {
namespace {

using kainjow::mustache::list;

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

View ResultView(const Diagnosis& d, const DiagnosisResult& r, size_t shown_in_full) {
  View v;
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
  for (size_t i = 0; i < r.priorities.size() && i < shown_in_full; ++i)
    priorities.push_back(ItemView(d, r.items[r.priorities[i]], i + 1));
  v.set("priorities", priorities);
  v.set("has_priorities", !r.priorities.empty());
  if (r.priorities.size() > shown_in_full) {
    list rest;
    for (size_t i = shown_in_full; i < r.priorities.size(); ++i) {
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
  return v;
}

View HistoryView(const std::vector<ScoredAttempt>& attempts) {
  View v;
  list rows;
  for (size_t i = 0; i < attempts.size(); ++i) {
    int total = attempts[i].result.total;
    View row;
    row.set("at", JstTime(attempts[i].at));
    row.set("total", std::to_string(total));
    row.set("band", attempts[i].result.band->label);
    row.set("change",
            i == 0 ? std::string("―") : fmt::format("{:+d}", total - attempts[i - 1].result.total));
    rows.push_back(row);
  }
  v.set("rows", rows);
  v.set("several", attempts.size() > 1);
  if (attempts.size() > 1) {
    int change = attempts.back().result.total - attempts[attempts.size() - 2].result.total;
    v.set("change", change > 0   ? fmt::format("前回から {}点上がりました。", change)
                    : change < 0 ? fmt::format("前回から {}点下がりました。", -change)
                                 : std::string("前回と同じ点数です。"));
  }
  return v;
}

View ResponsibilitiesView(const Diagnosis& d, const DiagnosisResult& r) {
  std::set<std::string> open;
  for (const ItemScore& s : r.items)
    if (!s.implemented()) open.insert(s.item->id);
  list with_open, without;
  for (const ResponsibilityArea& a : d.responsibilities.areas) {
    View av;
    av.set("area", a.area);
    av.set("vendor", a.vendor);
    av.set("customer", a.customer);
    list items;
    for (const ItemScore& s : r.items) {
      if (open.contains(s.item->id) &&
          std::find(a.items.begin(), a.items.end(), s.item->id) != a.items.end()) {
        items.push_back(View("title", s.item->title));
      }
    }
    bool has_open = !items.empty();
    av.set("open", items);
    av.set("has_open", has_open);
    (has_open ? with_open : without).push_back(av);
  }
  for (View& a : without) with_open.push_back(std::move(a));
  View v;
  v.set("note", d.responsibilities.note);
  v.set("areas", with_open);
  v.set("has_areas", !d.responsibilities.areas.empty());
  return v;
}

View SupportView(const Diagnosis& d) {
  list support;
  for (const SupportMeasure& m : d.support) {
    View sv;
    sv.set("name", m.name);
    sv.set("what", m.what);
    sv.set("url", m.url);
    support.push_back(sv);
  }
  return View(support);
}

}  // namespace chosa::web
