# Weights by the R survey package (postStratify, rake) and the weighted percents chosa reports,
# in chosa's long format: gtw_sa (Q1), xtw_sa (Q1 by grp), xtw_ma (Q2 by grp), weighting neff.
# Usage: Rscript r_weight_check.R <answers.csv> <poststratify|rake> <out.csv>
# Data: id, grp (1..4), size (1..3), Q1 (1..5 or empty), Q2_1..Q2_6 (1 or empty); grp and size
# always known. Populations as in r_check_test.py.
suppressPackageStartupMessages(library(survey))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
pop_grp <- data.frame(grp = 1:4, Freq = c(40000, 25000, 20000, 15000))
pop_size <- data.frame(size = 1:3, Freq = c(70000, 25000, 5000))
strata <- expand.grid(grp = 1:4, size = 1:3)
strata$Freq <- 1000 * (strata$grp * 3 + strata$size * 2)
des <- svydesign(ids = ~1, data = d, weights = ~rep(1, nrow(d)))
des <- if (args[2] == "poststratify") {
  postStratify(des, ~grp + size, strata)
} else {
  rake(des, list(~grp, ~size), list(pop_grp, pop_size),
       control = list(maxit = 1000, epsilon = 1e-9))
}
w <- weights(des)
out <- list()
emit <- function(section, var, by, row, col, stat, value) {
  out[[length(out) + 1L]] <<- data.frame(section = section, var = var, by = by, row = row,
                                         col = col, stat = stat, value = value)
}
emit("weighting", "w", "", "", "", "neff", sum(w)^2 / sum(w^2))
emit("weighting", "w", "", "", "", "sum", sum(w))
ans <- !is.na(d$Q1)
for (o in 1:5) {
  emit("gtw_sa", "Q1", "", o, "", "wn", sum(w[ans & d$Q1 == o]))
  emit("gtw_sa", "Q1", "", o, "", "pct", 100 * sum(w[ans & d$Q1 == o]) / sum(w[ans]))
  for (g in 1:4) {
    in_g <- ans & d$grp == g
    emit("xtw_sa", "Q1", "grp", o, g, "colpct", 100 * sum(w[in_g & d$Q1 == o]) / sum(w[in_g]))
  }
}
m <- as.matrix(d[paste0("Q2_", 1:6)])
ans2 <- rowSums(!is.na(m)) > 0
m[is.na(m)] <- 0L
for (o in 1:6) for (g in 1:4) {
  in_g <- ans2 & d$grp == g
  emit("xtw_ma", "Q2", "grp", o, g, "colpct", 100 * sum(w[in_g] * m[in_g, o]) / sum(w[in_g]))
}
res <- do.call(rbind, out)
res$value <- format(res$value, digits = 17)
write.csv(res, args[3], row.names = FALSE, quote = FALSE)
