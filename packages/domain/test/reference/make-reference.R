# Golden values for packages/domain/src/forecasting tests.
# Run: Rscript packages/domain/test/reference/make-reference.R  (R 4.2, forecast 8.20, Debian r-cran-forecast)
# Reads the long-format CSVs in /work/shared/data/expsmooth (Hyndman et al. 2008 data, see SOURCES.md).
suppressMessages(library(forecast))
dir <- Sys.getenv("EXPSMOOTH_DIR", "/work/shared/data/expsmooth")
load_series <- function(file, id, freq) {
  d <- read.csv(gzfile(file.path(dir, file)), colClasses = c("character", "integer", "integer", "numeric"))
  d <- d[d$series_id == id, ]
  d <- d[order(d$year, d$period), ]
  ts(d$value, start = c(d$year[1], d$period[1]), frequency = freq)
}
show <- function(label, x) cat(sprintf("%s: [%s]\n", label, paste(sprintf("%.10g", x), collapse = ", ")))

# --- Croston (1972) on an intermittent car-parts series (no NA) ---
cp <- load_series("carparts_long.csv.gz", "21088598", 12)
show("carparts 21088598 data", cp)
show("croston(cp, h=5, alpha=0.1)$mean", croston(cp, h = 5, alpha = 0.1)$mean)
show("croston(cp, h=5, alpha=0.2)$mean", croston(cp, h = 5, alpha = 0.2)$mean)

# --- SES / Holt with fixed parameters and simple initialisation: exact ---
hp <- load_series("hospital_long.csv.gz", "H7934", 12)
show("hospital H7934 data", hp)
show("ses(hp, h=5, alpha=0.3, initial='simple')$mean", ses(hp, h = 5, alpha = 0.3, initial = "simple")$mean)
show("holt(hp, h=5, alpha=0.3, beta=0.1, initial='simple')$mean", holt(hp, h = 5, alpha = 0.3, beta = 0.1, initial = "simple")$mean)
show("snaive(hp, h=14)$mean", snaive(hp, h = 14)$mean)

# --- ets() with fixed smoothing parameters: initial states are optimised by R; we reuse them ---
f <- ets(hp, model = "AAN", damped = TRUE, alpha = 0.3, beta = 0.05, phi = 0.9)
show("ets(hp,'AAN',damped=TRUE,alpha=0.3,beta=0.05,phi=0.9)$initstate", f$initstate)
show("  forecast(h=6)$mean", forecast(f, h = 6)$mean)
f <- ets(hp, model = "ANA", alpha = 0.2, gamma = 0.1)
show("ets(hp,'ANA',alpha=0.2,gamma=0.1)$initstate", f$initstate)
show("  forecast(h=14)$mean", forecast(f, h = 14)$mean)

# --- ets() fitted parameters (compared with a looser tolerance: R also optimises initial states) ---
jw <- load_series("jewelry_long.csv.gz", "1", 52)
show("jewelry 1 data", jw)
f <- ets(jw, model = "ANN")
show("ets(jw,'ANN')$par", f$par); show("  forecast(h=4)$mean", forecast(f, h = 4)$mean)
f <- ets(hp, model = "ANN")
show("ets(hp,'ANN')$par", f$par); show("  forecast(h=4)$mean", forecast(f, h = 4)$mean)
f <- ets(hp, model = "AAN", damped = TRUE)
show("ets(hp,'AAN',damped=TRUE)$par", f$par); show("  forecast(h=4)$mean", forecast(f, h = 4)$mean)
f <- ets(hp, model = "ANA")
show("ets(hp,'ANA')$par", f$par); show("  forecast(h=12)$mean", forecast(f, h = 12)$mean)
# Note: hospital series ids are not unique in the long CSV (several products share a code);
# H7934 is one of the codes with exactly one 84-month series.

# --- Yearly ratios pooled by category (yearly.ts; no R package has this rule, so it is written out in
# base R from docs/forecasting.md "Yearly seasonality": windows are 0-based [from, to) as in the code) ---
t <- 0:899
y1 <- 10 + 5 * sin(2 * pi * t / 364) + t %% 7
y2 <- 3 + 2 * cos(2 * pi * t / 364); y2[t %% 50 == 0] <- NA
wmean <- function(y, from, to) { v <- y[(from + 1):to]; if (sum(!is.na(v)) < 0.5 * (to - from)) NA else mean(v, na.rm = TRUE) }
yearly_ratio <- function(ys, origin, h, weight = 0.5) {
  logs <- c()
  for (k in 1:3) {
    a <- origin - 364 * k
    if (a - 28 < 0) break
    num <- 0; den <- 0
    for (y in ys) {
      b <- wmean(y, a - 28, a); c <- a + min(h, 364 * k - 4); tg <- wmean(y, c - 3, c + 4)
      if (!is.na(b) && !is.na(tg)) { num <- num + tg; den <- den + b }
    }
    if (den > 0) logs <- c(logs, log(min(4, max(1 / 4, num / den))))
  }
  exp(weight * mean(logs))
}
show("yearly_ratio(list(y1, y2), origin=800, h=0:4)", sapply(0:4, function(h) yearly_ratio(list(y1, y2), 800, h)))
show("yearly_ratio(list(y1, y2), origin=500, h=0:4)", sapply(0:4, function(h) yearly_ratio(list(y1, y2), 500, h)))
