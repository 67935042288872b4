# Independent computation of chosa's cross tables and tests with R (base R only), written in the
# long format of RenderAnalysisLong for the sections xt_sa, xt_ma, xt_test and chisq.
# Usage: Rscript r_check.R <answers.csv> <out.csv>
# Data: columns id, grp (1..4), Q1 (1..5), Q2_1..Q2_6 (0/1, all empty = no answer); empty = NA.
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
out <- list()
emit <- function(section, var, row, col, stat, value) {
  out[[length(out) + 1L]] <<- data.frame(section = section, var = var, by = "grp", row = row,
                                         col = col, stat = stat, value = value)
}
G <- 4L
# Subgroup against the total it is part of.
cell_test <- function(x_g, n_g, x_t, n_t) {
  p_t <- x_t / n_t
  if (n_g <= 0 || n_g >= n_t || p_t <= 0 || p_t >= 1) return(c(NA, NA))
  z <- (x_g / n_g - p_t) / sqrt(p_t * (1 - p_t) * (1 / n_g - 1 / n_t))
  c(z, 2 * pnorm(-abs(z)))
}
# Q1: single answer, 5 options.
ans <- !is.na(d$Q1)
tb <- table(factor(d$Q1, levels = 1:5), factor(d$grp, levels = 1:G))
tot <- table(factor(d$Q1[ans], levels = 1:5))
for (o in 1:5) for (g in 1:G) {
  emit("xt_sa", "Q1", o, g, "n", tb[o, g])
  emit("xt_sa", "Q1", o, g, "colpct", 100 * tb[o, g] / sum(tb[, g]))
  t <- cell_test(tb[o, g], sum(tb[, g]), tot[o], sum(ans))
  emit("xt_test", "Q1", o, g, "z", t[1]); emit("xt_test", "Q1", o, g, "p", t[2])
}
for (g in 1:G) emit("xt_sa", "Q1", "base", g, "n", sum(tb[, g]))
t2 <- tb[rowSums(tb) > 0, colSums(tb) > 0, drop = FALSE]
ct <- suppressWarnings(chisq.test(t(t2), correct = FALSE))
emit("chisq", "Q1", "", "", "X2", unname(ct$statistic))
emit("chisq", "Q1", "", "", "df", unname(ct$parameter))
emit("chisq", "Q1", "", "", "p", ct$p.value)
# Q2: multiple answers, 6 options; answered = any cell present.
m <- as.matrix(d[paste0("Q2_", 1:6)])
ans <- rowSums(!is.na(m)) > 0
m[is.na(m)] <- 0L
for (o in 1:6) {
  x_t <- sum(m[ans, o]); n_t <- sum(ans)
  for (g in 1:G) {
    in_g <- ans & !is.na(d$grp) & d$grp == g
    n_g <- sum(in_g); x_g <- sum(m[in_g, o])
    emit("xt_ma", "Q2", o, g, "n", x_g)
    emit("xt_ma", "Q2", o, g, "colpct", if (n_g > 0) 100 * x_g / n_g else NA)
    t <- cell_test(x_g, n_g, x_t, n_t)
    emit("xt_test", "Q2", o, g, "z", t[1]); emit("xt_test", "Q2", o, g, "p", t[2])
  }
}
for (g in 1:G) emit("xt_ma", "Q2", "base", g, "n", sum(ans & !is.na(d$grp) & d$grp == g))
res <- do.call(rbind, out)
res$value <- ifelse(is.na(res$value), "NA", format(res$value, digits = 17))
write.csv(res, args[2], row.names = FALSE, quote = FALSE)
