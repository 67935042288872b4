# The simple-tally part (gt_sa, gtw_sa, gt_ma) of the anchors' peer (a), base R, with the same
# functions from ../shared/bench-anchors/peers/report_common.R.
# Usage: Rscript gt_base.R <survey.csv> <codebook_flat.tsv> <out.csv> <anchors dir>
args <- commandArgs(trailingOnly = TRUE)
source(file.path(args[4], "peers", "report_common.R"))
cb <- read_codebook(args[2])
d <- read_survey(args[1])
sa <- cb[cb$type == "SA", ]
ma <- cb[cb$type == "MA", ]
for (i in seq_len(nrow(sa))) {
  q <- sa$name[i]; k <- sa$k[i]
  sa_gt(d, q, k)
  x <- factor(d[[q]], levels = seq_len(k))
  wt <- xtabs(d$weight ~ x)
  wb <- sum(wt)
  emit("gtw_sa", q, "", names(wt), "", "wn", as.vector(wt))
  emit("gtw_sa", q, "", names(wt), "", "pct", 100 * as.vector(wt) / wb)
  emit("gtw_sa", q, "", "NA", "", "wn", sum(d$weight[is.na(d[[q]])]))
  emit("gtw_sa", q, "", "base", "", "wn", wb)
}
for (i in seq_len(nrow(ma))) {
  q <- ma$name[i]; k <- ma$k[i]
  m <- as.matrix(d[ma_cols(d, q)])
  ans <- rowSums(!is.na(m)) > 0
  cnt <- colSums(m[ans, , drop = FALSE], na.rm = TRUE)
  nresp <- sum(ans)
  ment <- sum(cnt)
  opt <- seq_len(k)
  emit("gt_ma", q, "", opt, "", "n", cnt)
  emit("gt_ma", q, "", opt, "", "pct_cases", 100 * cnt / nresp)
  emit("gt_ma", q, "", opt, "", "pct_resp", 100 * cnt / ment)
  emit("gt_ma", q, "", "NA", "", "n", sum(!ans))
  emit("gt_ma", q, "", "base", "", "n", nresp)
  emit("gt_ma", q, "", "mentions", "", "n", ment)
}
write_report(args[3])
