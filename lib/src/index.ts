/**
 * @dlopt/lib: the library the course notebooks call. This file is its only barrel: the public API,
 * grouped by section. Each export lives in a file named after it.
 */

// core
export { seeded, randn, shuffle } from "./core/random";
export type { Rng } from "./core/random";
export { detMath } from "./core/detMath";
export type { DetMath } from "./core/detMath";
export {
  checkNonNegative,
  checkPositive,
  checkUnitInterval,
  checkInteger,
  checkFinite,
  checkSameLength,
} from "./core/validate";
export { platform, setPlatform, joinPath } from "./core/platform";
export type { Platform } from "./core/platform";
export { checkOptionKeys } from "./core/validate";
export type { Vector, Matrix, Schedule, TestFunction, Optimizer } from "./core/types";

// optimizers
export { sgd, SGD_DEFAULTS } from "./optim/sgd";
export type { SgdOptions, SgdState } from "./optim/sgd";
export { adagrad, ADAGRAD_DEFAULTS } from "./optim/adagrad";
export type { AdagradOptions, AdagradState } from "./optim/adagrad";
export { rmsprop, RMSPROP_DEFAULTS } from "./optim/rmsprop";
export type { RmspropOptions, RmspropState } from "./optim/rmsprop";
export { adadelta, ADADELTA_DEFAULTS } from "./optim/adadelta";
export type { AdadeltaOptions, AdadeltaState } from "./optim/adadelta";
export { adam, ADAM_DEFAULTS } from "./optim/adam";
export type { AdamOptions, AdamState } from "./optim/adam";
export { adamw, ADAMW_DEFAULTS } from "./optim/adamw";
export { adamax, ADAMAX_DEFAULTS } from "./optim/adamax";
export type { AdamaxOptions, AdamaxState } from "./optim/adamax";
export { nadam, NADAM_DEFAULTS } from "./optim/nadam";
export type { NadamOptions, NadamState } from "./optim/nadam";
export { radam, RADAM_DEFAULTS } from "./optim/radam";
export type { RadamOptions, RadamState } from "./optim/radam";
export { yogi, YOGI_DEFAULTS } from "./optim/yogi";
export type { YogiOptions, YogiState } from "./optim/yogi";
export { adabound, ADABOUND_DEFAULTS } from "./optim/adabound";
export type { AdaboundOptions, AdaboundState } from "./optim/adabound";
export { momentumSlides, MOMENTUM_SLIDES_DEFAULTS } from "./optim/momentumSlides";
export type { MomentumSlidesOptions, MomentumSlidesState } from "./optim/momentumSlides";
export { momentumEma, MOMENTUM_EMA_DEFAULTS } from "./optim/momentumEma";
export type { MomentumEmaOptions, MomentumEmaState } from "./optim/momentumEma";
export { nesterovLookahead, NESTEROV_LOOKAHEAD_DEFAULTS } from "./optim/nesterovLookahead";
export type {
  NesterovLookahead,
  NesterovLookaheadOptions,
  NesterovLookaheadState,
  GradientFunction,
} from "./optim/nesterovLookahead";
export { optimizers, optimizerFromTorch, camelCaseKey } from "./optim/registry";
export type { OptimizerFactory } from "./optim/registry";
export { minimize } from "./optim/minimize";
export type { MinimizeOptions, MinimizeResult } from "./optim/minimize";
export { momentumRate } from "./optim/momentumRate";
export { momentumOptimal } from "./optim/momentumOptimal";
export { newton } from "./optim/newton";
export type { NewtonOptions, NewtonResult } from "./optim/newton";
export { lbfgs, LBFGS_DEFAULTS } from "./optim/lbfgs";
export type { LbfgsOptions, LbfgsResult } from "./optim/lbfgs";
export {
  replayGolden,
  relativeError,
  GoldenFormatError,
  GOLDEN_FORMAT,
  GOLDEN_TOLERANCE,
} from "./optim/replayGolden";
export type { GoldenReport, GoldenResult, GoldenResolvers } from "./optim/replayGolden";
export {
  fastOptimizer,
  fastOptimizerAvailable,
  fastOptimizerBackends,
  fastOptimizerBytesPerParameter,
} from "./optim/fastOptimizer";
export { nativeBuildMachine } from "./core/nativeAddon";
export { compareBackends } from "./optim/compareBackends";
export type { BackendComparison, CompareBackendsSettings } from "./optim/compareBackends";
export type {
  FastOptimizer,
  FastOptimizerName,
  FastOptimizerOptions,
  FastOptimizerStates,
  FastOptimizerConfigs,
  FastOptimizerSettings,
  FastBackend,
} from "./optim/fastOptimizer";

// schedules
export { stepLR } from "./schedules/stepLR";
export type { StepLROptions } from "./schedules/stepLR";
export { multiStepLR } from "./schedules/multiStepLR";
export type { MultiStepLROptions } from "./schedules/multiStepLR";
export { exponentialLR } from "./schedules/exponentialLR";
export { cosineAnnealingLR } from "./schedules/cosineAnnealingLR";
export type { CosineAnnealingLROptions } from "./schedules/cosineAnnealingLR";
export { linearLR, LINEAR_LR_DEFAULTS } from "./schedules/linearLR";
export type { LinearLROptions } from "./schedules/linearLR";
export { periodDecay } from "./schedules/periodDecay";
export type { PeriodDecayOptions } from "./schedules/periodDecay";
export { exponentialDecay } from "./schedules/exponentialDecay";
export type { ExponentialDecayOptions } from "./schedules/exponentialDecay";
export { squareRootSchedule } from "./schedules/squareRootSchedule";
export { factorSchedule } from "./schedules/factorSchedule";
export type { FactorScheduleOptions } from "./schedules/factorSchedule";
export { polySchedule } from "./schedules/polySchedule";
export type { PolyScheduleOptions } from "./schedules/polySchedule";
export { joinSchedules } from "./schedules/joinSchedules";
export { warmup } from "./schedules/warmup";
export type { WarmupOptions } from "./schedules/warmup";
export { schedulerByName, SCHEDULER_NAMES } from "./schedules/schedulerByName";
export { sampleSchedule } from "./schedules/sampleSchedule";

// moving averages
export { sma } from "./averages/sma";
export { ema } from "./averages/ema";
export type { EmaOptions } from "./averages/ema";
export { financeAlpha } from "./averages/financeAlpha";
export { biasCorrect } from "./averages/biasCorrect";
export { emaWeights } from "./averages/emaWeights";
export { effectiveWindow } from "./averages/effectiveWindow";

// test functions and gradient checks
export { square } from "./functions/square";
export { square20 } from "./functions/square20";
export { quartic } from "./functions/quartic";
export { d2lQuadratic } from "./functions/d2lQuadratic";
export { rotatedQuadratic } from "./functions/rotatedQuadratic";
export { saddle } from "./functions/saddle";
export { rosenbrock } from "./functions/rosenbrock";
export { beale } from "./functions/beale";
export { himmelblau } from "./functions/himmelblau";
export { quadratic3 } from "./functions/quadratic3";
export { quadratic } from "./functions/quadratic";
export type { QuadraticOptions } from "./functions/quadratic";
export { xCosPiX } from "./functions/xCosPiX";
export { xCosPiXEmpirical } from "./functions/xCosPiXEmpirical";
export { withGradientNoise } from "./functions/withGradientNoise";
export type { GradientNoiseOptions } from "./functions/withGradientNoise";
export { cubicXY } from "./functions/cubicXY";
export { scaledSquare } from "./functions/scaledSquare";
export { logSquare } from "./functions/logSquare";
export { flatComposite } from "./functions/flatComposite";
export { flatCompositeOuter } from "./functions/flatCompositeOuter";
export { tiltedDoubleWell } from "./functions/tiltedDoubleWell";
export { distillRosenbrock } from "./functions/distillRosenbrock";
export { sigmoidPrime } from "./functions/sigmoidPrime";
export { functionByName, GOLDEN_FUNCTION_NAMES, LECTURE_FUNCTION_NAMES } from "./functions/functionByName";
export { gradcheck } from "./functions/gradcheck";
export type { GradcheckOptions, GradcheckEntry, GradcheckResult } from "./functions/gradcheck";
export { symbolicGradient } from "./functions/symbolicGradient";
export type { SymbolicGradient } from "./functions/symbolicGradient";

// linear algebra
export { fromRows, toRows } from "./linalg/fromRows";
export { matvec } from "./linalg/matvec";
export { matmul } from "./linalg/matmul";
export { transpose } from "./linalg/transpose";
export { rotation2d } from "./linalg/rotation2d";
export { symmetricEigen } from "./linalg/symmetricEigen";
export type { SymmetricEigen } from "./linalg/symmetricEigen";
export { conditionNumber } from "./linalg/conditionNumber";
export { leadingMinors } from "./linalg/leadingMinors";
export { classifyCritical } from "./linalg/classifyCritical";
export type { CriticalKind, CriticalPoint } from "./linalg/classifyCritical";
export { gerschgorinDiscs } from "./linalg/gerschgorinDiscs";
export type { Disc } from "./linalg/gerschgorinDiscs";
export { diagonalPrecondition } from "./linalg/diagonalPrecondition";
export { randomOrthogonal } from "./linalg/randomOrthogonal";
export { eigenvalues } from "./linalg/eigenvalues";
export type { ComplexEigenvalues } from "./linalg/eigenvalues";
export { inGerschgorinDiscs } from "./linalg/inGerschgorinDiscs";

// plots and display
export { tableHtml, formatNumber } from "./display/tableHtml";
export type { TableLike, TableOptions } from "./display/tableHtml";
export { showTable } from "./display/showTable";
export { show, mimeBundle, figureText } from "./display/show";
export type { FigureMimeBundle } from "./display/show";
export { frontend, setFrontend } from "./display/frontend";
export type { Frontend, MimeBundle } from "./display/frontend";
export { figureHtml, figureId, plotlyBundlePath, PLOT_CONFIG } from "./plot/figureHtml";
export type { FigureHtmlOptions } from "./plot/figureHtml";
export { COURSE_COLORS, COURSE_FONT, FIGURE_HEIGHT, courseColor } from "./plot/figure";
export type { Figure, Trace, Layout, Frame, FigureOptions } from "./plot/figure";
export { gridEvaluate } from "./plot/gridEvaluate";
export type { Grid } from "./plot/gridEvaluate";
export type { Trajectory } from "./plot/trajectoryXY";
export { contourFigure } from "./plot/contourFigure";
export type { ContourOptions } from "./plot/contourFigure";
export { surfaceFigure } from "./plot/surfaceFigure";
export { functionStepsFigure } from "./plot/functionStepsFigure";
export type { StepPanel, FunctionStepsOptions } from "./plot/functionStepsFigure";
export { lossCurveFigure } from "./plot/lossCurveFigure";
export type { Series, LossCurveOptions } from "./plot/lossCurveFigure";
export { scheduleFigure } from "./plot/scheduleFigure";
export type { ScheduleFigureOptions } from "./plot/scheduleFigure";
export { noisyLossFigure } from "./plot/noisyLossFigure";
export type { NoisyLossOptions } from "./plot/noisyLossFigure";
export { downsampleMinMax } from "./plot/downsampleMinMax";
export { lttb } from "./plot/lttb";
export { emaFigure } from "./plot/emaFigure";
export type { EmaFigureOptions } from "./plot/emaFigure";
export { emaWeightsFigure } from "./plot/emaWeightsFigure";
export type { EmaWeightsOptions } from "./plot/emaWeightsFigure";
export { effectiveLrFigure } from "./plot/effectiveLrFigure";
export type { EffectiveLrOptions } from "./plot/effectiveLrFigure";
export { accumulatorHistogramFigure } from "./plot/accumulatorHistogramFigure";
export type { AccumulatorHistogramOptions } from "./plot/accumulatorHistogramFigure";
export { gerschgorinFigure } from "./plot/gerschgorinFigure";
export type { GerschgorinPanel, GerschgorinOptions } from "./plot/gerschgorinFigure";
export { trajectoryAnimationFigure } from "./plot/trajectoryAnimationFigure";
export type { AnimationOptions } from "./plot/trajectoryAnimationFigure";
export { sliderFigure } from "./plot/sliderFigure";
export type { SliderStep, SliderOptions } from "./plot/sliderFigure";
export { trajectorySliderFigure } from "./plot/trajectorySliderFigure";
export { progress, progressHtml } from "./display/progress";
export type { Progress } from "./display/progress";

// sparse data and models
export {
  csrNnz,
  csrValidate,
  csrFromTriplets,
  csrFromDense,
  csrToDense,
  csrRow,
  csrMatvec,
  csrMatTvec,
  csrColumnCounts,
  csrNormalizeRows,
  csrSelectRows,
} from "./sparse/csr";
export type { CSR } from "./sparse/csr";
export { sigmoid, log1pexp, bceWithLogits, logisticEvaluate, logisticLossGrad } from "./sparse/logistic";
export type { LogisticEvaluation } from "./sparse/logistic";
export { trainLogistic, TRAIN_LOGISTIC_DEFAULTS } from "./sparse/trainLogistic";
export type { TrainLogisticOptions, TrainLogisticResult } from "./sparse/trainLogistic";
export { tokenize, compareCodePoints } from "./sparse/tokenize";
export { tfidfFitTransform, tfidfFit, tfidfTransform, TFIDF_DEFAULTS } from "./sparse/tfidf";
export type { TfidfOptions, TfidfModel } from "./sparse/tfidf";
export { wasmSparseLogisticAvailable } from "./sparse/wasmSparseLogistic";

// neural networks
export { createMlp } from "./nn/mlp";
export type { Mlp, MlpOptions, DenseLayer, MlpWorkspace } from "./nn/mlp";
export { mlpForward } from "./nn/mlpForward";
export { mlpLossAndGrad } from "./nn/mlpLossAndGrad";
export { evaluateMlp } from "./nn/evaluateMlp";
export type { Evaluation } from "./nn/evaluateMlp";
export { softmaxCrossEntropy } from "./nn/softmaxCrossEntropy";
export { heNormal, xavierUniform } from "./nn/init";
export { gemm } from "./nn/gemm";
export type { Gemm } from "./nn/gemm";
export { createWasmGemm, wasmGemmAvailable } from "./nn/wasmGemm";
export { createWasmAdamStep32, wasmAdamAvailable } from "./nn/wasmAdamStep32";
export type { AdamStep32 } from "./nn/wasmAdamStep32";
export { wasmMemory, wasmAvailable, wasmPath } from "./core/wasmModule";
export type { WasmMemory } from "./core/wasmModule";
export { sgdStep32 } from "./nn/sgdStep32";
export type { SgdOptions32, SgdState32 } from "./nn/sgdStep32";
export { adagradStep32 } from "./nn/adagradStep32";
export type { AdagradOptions32, AdagradState32 } from "./nn/adagradStep32";
export { rmspropStep32 } from "./nn/rmspropStep32";
export type { RmspropOptions32, RmspropState32 } from "./nn/rmspropStep32";
export { adamStep32 } from "./nn/adamStep32";
export type { AdamOptions32, AdamState32 } from "./nn/adamStep32";
export { train } from "./nn/train";
export type { TrainOptions, TrainOptimizer, TrainProgress, TrainResult, LayerSqrtS } from "./nn/train";

// data loaders
export { readSvmlight, parseSvmlight, writeSvmlight, svmlightLine } from "./data/svmlight";
export type { SparseDataset, SvmlightReadOptions, SvmlightWriteOptions } from "./data/svmlight";
export {
  loadSpamAssassin,
  spamAssassinTexts,
  spamAssassinCachePath,
  SPAM_ASSASSIN_DEFAULTS,
} from "./data/loadSpamAssassin";
export type { SpamAssassin, LoadSpamAssassinOptions } from "./data/loadSpamAssassin";
export { rcv1Like, RCV1_LIKE_DEFAULTS } from "./data/rcv1Like";
export type { Rcv1Like, Rcv1LikeOptions } from "./data/rcv1Like";
export { readIdx, parseIdx } from "./data/readIdx";
export type { Idx } from "./data/readIdx";
export { encodeIdx } from "./data/encodeIdx";
export {
  loadFashionMnist,
  fashionMnistSubsetPath,
  FASHION_MNIST_CLASSES,
  FASHION_MNIST_DEBIAN_PATH,
} from "./data/loadFashionMnist";
export type { FashionMnist, LabeledImages, LoadFashionMnistOptions } from "./data/loadFashionMnist";
export { subsetImages } from "./data/subsetImages";

// linear regression on real data (lessons 02 and 04)
export { loadAirfoil } from "./data/loadAirfoil";
export type { Airfoil, LoadAirfoilOptions } from "./data/loadAirfoil";
export { linearRegressionLossGrad } from "./regression/linearRegressionLossGrad";
export { trainLinearRegression, TRAIN_LINEAR_REGRESSION_DEFAULTS } from "./regression/trainLinearRegression";
export type {
  TrainLinearRegressionOptions,
  TrainLinearRegressionResult,
} from "./regression/trainLinearRegression";

// in-notebook checks
export { check, checkCases } from "./check/check";
export type { CheckCase, CheckResult } from "./check/check";
export { recordCheck, RECORD_MIME } from "./check/recordCheck";
export type { CheckRecord, RecordedCase, Outcome } from "./check/recordCheck";
export { encodeValue, encodeNumber } from "./check/encodeValue";
export type { Encoded, EncodedNumber } from "./check/encodeValue";
export { TYPED_ARRAY_NAMES } from "./check/encodeValue";
export { compareEncoded, describeEncoded, decodeNumber } from "./check/compareEncoded";
