package io.facegate.identification;

/**
 * The least similarity a 1:N match needs in a gallery of {@code n} templates so that a person who
 * is not enrolled matches anyone with probability at most {@code rate}: a stranger is compared with
 * every template, so the chance of some impostor similarity reaching the threshold grows with the
 * gallery. Impostor similarities of real faces are modelled as normal with the mean and spread
 * measured on the labelled pairs (docs/benchmarks/face-engine.md); by the union bound the
 * threshold t must satisfy n * P(impostor >= t) <= rate. docs/benchmarks/identification.md shows
 * the false matches this gives at 10k to 1M templates, and what it costs genuine matches.
 *
 * @param rate accepted probability that a stranger's search matches someone, in (0, 1]
 */
public record FalseMatchPolicy(double rate) {

    /** Impostor similarity of real faces, pairs_dev.csv (296 impostor pairs): mean 0.001, sd 0.104. */
    static final double IMPOSTOR_MEAN = 0.001;
    static final double IMPOSTOR_SD = 0.104;
    public static final double DEFAULT_RATE = 0.001;

    public FalseMatchPolicy {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException("the false-match rate must be in (0, 1], got " + rate);
        }
    }

    /** The least threshold for a gallery of {@code n} templates ({@code -infinity} for an empty one). */
    public double threshold(int n) {
        if (n == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return IMPOSTOR_MEAN + IMPOSTOR_SD * -standardNormalQuantile(Math.min(0.5, rate / n));
    }

    /**
     * The p-quantile of the standard normal distribution for 0 < p <= 0.5 (P. J. Acklam's rational
     * approximation, relative error below 1.2e-9).
     */
    static double standardNormalQuantile(double p) {
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
                    / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
                / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }
}
