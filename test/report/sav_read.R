# Reads a .sav written by chosa with haven (user-defined missing values kept) and writes, for the
# Python test: the data as CSV (missing codes as numbers), and per variable its label, value
# labels and missing values.
# Usage: Rscript sav_read.R <in.sav> <data.csv> <meta.csv>
suppressPackageStartupMessages(library(haven))
args <- commandArgs(trailingOnly = TRUE)
d <- read_sav(args[1], user_na = TRUE)
plain <- as.data.frame(lapply(d, function(x) {
  v <- unclass(x)
  attributes(v) <- NULL
  v
}), stringsAsFactors = FALSE)
write.csv(plain, args[2], row.names = FALSE, na = "", fileEncoding = "UTF-8")
meta <- do.call(rbind, lapply(names(d), function(n) {
  x <- d[[n]]
  labels <- attr(x, "labels")
  data.frame(
    name = n,
    label = if (is.null(attr(x, "label"))) "" else attr(x, "label"),
    value_labels = if (is.null(labels)) "" else
      paste(paste0(unname(labels), "=", names(labels)), collapse = "|"),
    na_values = if (is.null(attr(x, "na_values"))) "" else
      paste(attr(x, "na_values"), collapse = "|"),
    stringsAsFactors = FALSE)
}))
write.csv(meta, args[3], row.names = FALSE, fileEncoding = "UTF-8")
