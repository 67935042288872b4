// Template views of a scored diagnosis, shared by the company's result page, its printable sheet
// and the IT vendor's pages (all HTML-escaped by the templates).
#pragma once

#include <vector>

#include "diagnosis/scoring.h"
#include "server/diagnosis_attempts.h"
#include "server/templates.h"

namespace chosa::web {

// total, max, band, band_id, meaning, next; parts (number, title, points, shown, max);
// priorities (the first `shown_in_full` items to fix with explanation, steps and support),
// rest (the other items to fix, by title), not_applicable, SECURITY ACTION readiness.
View ResultView(const Diagnosis& d, const DiagnosisResult& r, size_t shown_in_full);

// rows (at, total, band, change), several, change (a sentence on the last step), latest_total.
View HistoryView(const std::vector<ScoredAttempt>& attempts);

// The vendor/customer split (note; areas with vendor, customer and the customer's open items
// in each, areas with open items first).
View ResponsibilitiesView(const Diagnosis& d, const DiagnosisResult& r);

// The public support measures of the diagnosis (name, what, url), for printed sheets.
View SupportView(const Diagnosis& d);

}  // namespace chosa::web
