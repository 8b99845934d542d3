# Reference values for libs/montecarlo from R itself (base R only):
#  - quantile(x, probs, type = 7) for several vectors: small, with ties, constant, large, skewed;
# written as JSON with 17 significant digits so that every double reads back exactly.
# Run: Rscript libs/montecarlo/reference/make-reference.R  (from the repository root)
set.seed(20261126)
probs <- c(0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1)
vectors <- list(
  five = c(1, 2, 3, 4, 10),
  single = c(42.5),
  two = c(-1, 3),
  ties = c(3, 1, 2, 2, 2, 5, 5, 1, 4, 2, 2, 3),
  constant = rep(7.25, 9),
  normal1000 = rnorm(1000),
  lognormal2001 = exp(rnorm(2001, 0, 0.3)) * 100000,
  discrete5000 = sample(c(-250, -120.5, 0, 80, 300.25), 5000, replace = TRUE),
  uniform10001 = runif(10001, -1, 1)
)
num <- function(v) paste0("[", paste(formatC(v, digits = 17, format = "g"), collapse = ","), "]")
cases <- vapply(names(vectors), function(name) {
  x <- vectors[[name]]
  q <- unname(quantile(x, probs, type = 7))
  stopifnot(all(as.numeric(formatC(x, digits = 17, format = "g")) == x))
  sprintf('{"name":"%s","x":%s,"quantiles":%s}', name, num(x), num(q))
}, character(1))
json <- sprintf('{"generator":"R %s, quantile(type = 7)","probs":%s,"cases":[%s]}\n',
                paste(R.version$major, R.version$minor, sep = "."), num(probs), paste(cases, collapse = ","))
out <- file.path(dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE))), "quantile-reference.json")
writeLines(json, out, sep = "")
cat("wrote", out, "\n")
