package com.blueprintshop.perflab.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresProblem;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

import com.blueprintshop.perflab.model.Sweep;

/**
 * Amdahl's law and the Universal Scalability Law fitted to a sweep's points, and the knee.
 * <p>
 * Both laws are fitted by nonlinear least squares on the throughput itself (not on a linearised
 * form, which would weigh the small concurrencies far more than the large ones), with
 * Levenberg–Marquardt. The parameters are kept where they mean something: {@code λ > 0},
 * {@code 0 ≤ α ≤ 1}, {@code β ≥ 0}. The start is {@code λ} from the step at {@code N = 1} (or
 * {@code X/N} of the smallest {@code N}) and {@code α}, {@code β} from Gunther's linearisation
 * {@code N·λ/X − 1 = α(N − 1) + βN(N − 1)}, solved by ordinary least squares.
 */
public final class ScalabilityFits {

	private static final double MIN_LAMBDA = 1e-9;

	private static final int MAX_STEPS = 10_000;

	private ScalabilityFits() {
	}

	/**
	 * Fits {@code X(N) = λN / (1 + α(N − 1))}.
	 * @param points at least two steps at different concurrencies
	 * @return the fit, its {@code peakThroughput} the ceiling {@code λ/α} ({@link Double#POSITIVE_INFINITY}
	 * when {@code α} fits as 0: no contention measured), {@code beta} and {@code peakConcurrency} {@code null}
	 * @throws IllegalArgumentException with fewer than two distinct concurrencies, a concurrency below 1 or a
	 * negative or non-finite throughput
	 */
	public static Sweep.Fit amdahl(List<Sweep.Point> points) {
		double[][] data = checked(points, 2, "Amdahl's law");
		double[] p = fit(data[0], data[1], false);
		double lambda = p[0];
		double alpha = p[1];
		double ceiling = (alpha > 0) ? lambda / alpha : Double.POSITIVE_INFINITY;
		return new Sweep.Fit("amdahl", lambda, alpha, null, null, ceiling,
				rSquared(data[0], data[1], lambda, alpha, 0));
	}

	/**
	 * Fits {@code X(N) = λN / (1 + α(N − 1) + βN(N − 1))}.
	 * @param points at least three steps at different concurrencies
	 * @return the fit; when {@code β > 0}, {@code peakConcurrency} is {@code N* = sqrt((1 − α)/β)} (never below
	 * 1, the fewest users a step can have) and {@code peakThroughput} is {@code X(N*)}; when {@code β} fits as 0
	 * (or so little that its term stays below a billionth of the denominator at the largest concurrency measured)
	 * the curve never turns down, so {@code peakConcurrency} is {@code null} and {@code peakThroughput} is the
	 * asymptote {@code λ/α} (Amdahl's ceiling, {@link Double#POSITIVE_INFINITY} if {@code α} is 0 too)
	 * @throws IllegalArgumentException with fewer than three distinct concurrencies, a concurrency below 1 or a
	 * negative or non-finite throughput
	 */
	public static Sweep.Fit usl(List<Sweep.Point> points) {
		double[][] data = checked(points, 3, "the Universal Scalability Law");
		double[] p = fit(data[0], data[1], true);
		double lambda = p[0];
		double alpha = p[1];
		double beta = negligible(p[2], alpha, data[0]) ? 0 : p[2];
		Double peakConcurrency = null;
		double peakThroughput;
		if (beta > 0) {
			double nStar = Math.max(1, Math.sqrt((1 - alpha) / beta));
			peakConcurrency = nStar;
			peakThroughput = throughput(lambda, alpha, beta, nStar);
		}
		else {
			peakThroughput = (alpha > 0) ? lambda / alpha : Double.POSITIVE_INFINITY;
		}
		return new Sweep.Fit("usl", lambda, alpha, beta, peakConcurrency, peakThroughput,
				rSquared(data[0], data[1], lambda, alpha, beta));
	}

	/** The throughput a fitted law predicts at {@code concurrency} users ({@code β} taken as 0 when absent). */
	public static double throughput(Sweep.Fit fit, double concurrency) {
		return throughput(fit.lambda(), fit.alpha(), (fit.beta() != null) ? fit.beta() : 0, concurrency);
	}

	/**
	 * The last concurrency whose p99 is within {@code sloP99Ms} (and without errors), or {@code null}.
	 * <p>
	 * The points are taken in increasing concurrency; the knee is the last one before the first that
	 * breaks the SLO (p99 above it, or any error), so a step that happens to pass after a broken one
	 * does not move the knee. {@code null} when the first step already breaks it, or there are no points.
	 */
	public static Integer knee(List<Sweep.Point> points, double sloP99Ms) {
		if (points == null) {
			return null;
		}
		List<Sweep.Point> sorted = new ArrayList<>(points);
		sorted.sort(Comparator.comparingInt(Sweep.Point::concurrency));
		Integer knee = null;
		for (Sweep.Point point : sorted) {
			if (!(point.p99Ms() <= sloP99Ms) || point.errors() != 0) {
				break;
			}
			knee = point.concurrency();
		}
		return knee;
	}

	/**
	 * Whether {@code β} is rounding noise: its term is a billionth of the denominator even at the largest
	 * concurrency measured, so it would put a peak at billions of users.
	 */
	private static boolean negligible(double beta, double alpha, double[] n) {
		double largest = Arrays.stream(n).max().orElse(1);
		return beta * largest * (largest - 1) < 1e-9 * (1 + alpha * (largest - 1));
	}

	private static double throughput(double lambda, double alpha, double beta, double n) {
		return lambda * n / (1 + alpha * (n - 1) + beta * n * (n - 1));
	}

	private static double[][] checked(List<Sweep.Point> points, int minimum, String law) {
		if (points == null) {
			throw new IllegalArgumentException("Fitting " + law + " needs sweep points, got none");
		}
		double[] n = new double[points.size()];
		double[] x = new double[points.size()];
		for (int i = 0; i < points.size(); i++) {
			Sweep.Point point = points.get(i);
			if (point == null) {
				throw new IllegalArgumentException("Sweep point " + i + " is missing");
			}
			if (point.concurrency() < 1) {
				throw new IllegalArgumentException(
						"Sweep point " + i + " has concurrency " + point.concurrency() + ": it must be at least 1");
			}
			if (!Double.isFinite(point.throughput()) || point.throughput() < 0) {
				throw new IllegalArgumentException("Sweep point " + i + " has throughput " + point.throughput()
						+ ": it must be a finite number of requests/s, not negative");
			}
			n[i] = point.concurrency();
			x[i] = point.throughput();
		}
		long distinct = points.stream().mapToInt(Sweep.Point::concurrency).distinct().count();
		if (distinct < minimum) {
			throw new IllegalArgumentException("Fitting " + law + " needs at least " + minimum
					+ " sweep points at different concurrencies, got " + distinct);
		}
		return new double[][] { n, x };
	}

	private static double[] fit(double[] n, double[] x, boolean withBeta) {
		int parameters = withBeta ? 3 : 2;
		MultivariateJacobianFunction model = (RealVector p) -> {
			double lambda = p.getEntry(0);
			double alpha = p.getEntry(1);
			double beta = withBeta ? p.getEntry(2) : 0;
			RealVector value = new ArrayRealVector(n.length);
			Array2DRowRealMatrix jacobian = new Array2DRowRealMatrix(n.length, parameters);
			for (int i = 0; i < n.length; i++) {
				double d = 1 + alpha * (n[i] - 1) + beta * n[i] * (n[i] - 1);
				value.setEntry(i, lambda * n[i] / d);
				jacobian.setEntry(i, 0, n[i] / d);
				jacobian.setEntry(i, 1, -lambda * n[i] * (n[i] - 1) / (d * d));
				if (withBeta) {
					jacobian.setEntry(i, 2, -lambda * n[i] * n[i] * (n[i] - 1) / (d * d));
				}
			}
			return new Pair<>(value, jacobian);
		};
		LeastSquaresProblem problem = new LeastSquaresBuilder().start(start(n, x, withBeta))
			.model(model)
			.target(x)
			.parameterValidator(ScalabilityFits::inRange)
			.maxEvaluations(MAX_STEPS)
			.maxIterations(MAX_STEPS)
			.build();
		try {
			Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
			return inRange(optimum.getPoint()).toArray();
		}
		catch (TooManyEvaluationsException | TooManyIterationsException | ConvergenceException ex) {
			throw new IllegalStateException("The " + (withBeta ? "USL" : "Amdahl") + " fit did not converge on "
					+ n.length + " points: " + ex.getMessage(), ex);
		}
	}

	private static RealVector inRange(RealVector p) {
		RealVector clamped = p.copy();
		clamped.setEntry(0, Math.max(MIN_LAMBDA, finiteOr(p.getEntry(0), MIN_LAMBDA)));
		clamped.setEntry(1, Math.min(1, Math.max(0, finiteOr(p.getEntry(1), 0))));
		if (p.getDimension() > 2) {
			clamped.setEntry(2, Math.max(0, finiteOr(p.getEntry(2), 0)));
		}
		return clamped;
	}

	private static double finiteOr(double value, double fallback) {
		return Double.isFinite(value) ? value : fallback;
	}

	private static double[] start(double[] n, double[] x, boolean withBeta) {
		double lambda = startingLambda(n, x);
		// N·λ/X − 1 = α(N − 1) + βN(N − 1): linear in α and β, no intercept
		double saa = 0;
		double sab = 0;
		double sbb = 0;
		double say = 0;
		double sby = 0;
		for (int i = 0; i < n.length; i++) {
			if (x[i] <= 0) {
				continue;
			}
			double y = n[i] * lambda / x[i] - 1;
			double a = n[i] - 1;
			double b = n[i] * (n[i] - 1);
			saa += a * a;
			sab += a * b;
			sbb += b * b;
			say += a * y;
			sby += b * y;
		}
		double alpha = 0.01;
		double beta = 0;
		if (withBeta) {
			double det = saa * sbb - sab * sab;
			if (det > 1e-12 * saa * sbb) {
				alpha = (say * sbb - sby * sab) / det;
				beta = (saa * sby - sab * say) / det;
			}
		}
		else if (saa > 0) {
			alpha = say / saa;
		}
		double[] start = withBeta ? new double[] { lambda, alpha, beta } : new double[] { lambda, alpha };
		return inRange(new ArrayRealVector(start, false)).toArray();
	}

	private static double startingLambda(double[] n, double[] x) {
		int smallest = 0;
		double atOne = 0;
		int ones = 0;
		double bestPerUser = 0;
		for (int i = 0; i < n.length; i++) {
			if (n[i] < n[smallest]) {
				smallest = i;
			}
			if (n[i] == 1) {
				atOne += x[i];
				ones++;
			}
			bestPerUser = Math.max(bestPerUser, x[i] / n[i]);
		}
		double lambda = (ones > 0) ? atOne / ones : x[smallest] / n[smallest];
		return (lambda > 0) ? lambda : Math.max(MIN_LAMBDA, bestPerUser);
	}

	private static double rSquared(double[] n, double[] x, double lambda, double alpha, double beta) {
		double mean = 0;
		for (double value : x) {
			mean += value / x.length;
		}
		double residual = 0;
		double total = 0;
		for (int i = 0; i < n.length; i++) {
			double e = x[i] - throughput(lambda, alpha, beta, n[i]);
			residual += e * e;
			total += (x[i] - mean) * (x[i] - mean);
		}
		if (total == 0) {
			// every step reached the same throughput: only an exact fit explains it
			return (residual <= 1e-12 * Math.max(1, mean * mean)) ? 1 : 0;
		}
		return 1 - residual / total;
	}

}
