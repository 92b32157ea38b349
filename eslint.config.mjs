// One lint configuration for the whole repository (lib, scripts, tests, grader, benchmarks).
import js from "@eslint/js";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

/**
 * Dependencies run one way between the top-level folders: lib <- jupyter <- grader <- scripts (scripts may
 * use the grader's release); browser (the browser runtime) stands on lib and jupyter; bench and test stand
 * on the others and nothing stands on them. Each zone names
 * the folders a folder must not import from; with the order strict, no two folders can import each other.
 * Outside lib (and lib's own tests) the library is imported as `@dlopt/lib`, never from lib/src.
 */
const LIB_SRC = "Import the library as @dlopt/lib (its barrel), not from lib/src.";
const LAYERS = [
  {
    target: "./lib",
    from: ["./jupyter", "./grader", "./scripts", "./browser", "./bench", "./test"],
    message: "lib knows nothing of the apps.",
  },
  {
    target: "./jupyter",
    from: ["./grader", "./scripts", "./browser", "./bench", "./test"],
    message: "jupyter/ is the shared room: it stands on lib only.",
  },
  {
    target: "./grader",
    from: ["./scripts", "./browser", "./bench", "./test"],
    message: "The grader stands on jupyter/ and lib, never on scripts.",
  },
  { target: "./scripts", from: ["./bench", "./test"], message: "scripts stand on grader, jupyter and lib." },
  {
    target: "./browser",
    from: ["./grader", "./scripts", "./bench", "./test"],
    message: "The browser runtime stands on lib and jupyter only.",
  },
  {
    target: "./bench",
    from: ["./scripts", "./test"],
    message: "bench stands on lib, jupyter and grader (the grading benchmark).",
  },
  {
    target: ["./jupyter", "./grader", "./scripts", "./browser", "./bench"],
    from: "./lib/src",
    message: LIB_SRC,
  },
  { target: "./test", from: "./lib/src", message: LIB_SRC },
];

/**
 * Math functions whose last bits differ between JavaScript engines (Node versions, Node and Chromium): lib
 * computes them with `detMath` (lib/src/core/detMath.ts), so that a lesson prints the same digits in tslab
 * and in the browser. Members that detMath does not have yet are forbidden too: add them there first.
 */
const DET_MATH = ["exp", "log", "log1p", "log10", "pow", "sin", "cos", "atan2", "cbrt"];
const NO_DET_MATH = [
  "log2",
  "expm1",
  "tan",
  "asin",
  "acos",
  "atan",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
];
const ENGINE_MATH = [
  ...DET_MATH.map((property) => ({
    object: "Math",
    property,
    message: `Math.${property} differs between JavaScript engines: use detMath.${property} (lib/src/core/detMath.ts).`,
  })),
  ...NO_DET_MATH.map((property) => ({
    object: "Math",
    property,
    message: `Math.${property} differs between JavaScript engines: add it to detMath (lib/src/core/detMath.ts) from @stdlib/math-base-special-*.`,
  })),
];

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "lib/dist/**",
      "lib/assembly/**",
      "build/**",
      "lite/.build/**",
      ".venv/**",
      ".jupyter/**",
      "workspace/**",
      ".cache/**",
      "test/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
      "no-constant-condition": ["error", { checkLoops: false }],
    },
  },
  {
    files: ["**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver": { node: { extensions: [".ts", ".js", ".json"] } },
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: LAYERS }],
      // a cycle between modules (and so between their folders) fails the lint
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // every number lib prints, plots, compares or hands to its kernels is the same on every engine
    files: ["lib/src/**/*.ts"],
    rules: {
      "no-restricted-properties": ["error", ...ENGINE_MATH],
      "no-restricted-syntax": [
        "error",
        {
          // x ** 2 and 2 ** n are exact on every engine; other powers are not
          selector: "BinaryExpression[operator='**']:not([right.value=2]):not([left.value=2])",
          message:
            "`**` differs between JavaScript engines unless exact: use detMath.pow (x ** 2 and 2 ** n are fine).",
        },
        {
          selector: "AssignmentExpression[operator='**=']",
          message: "`**=` differs between JavaScript engines: use detMath.pow.",
        },
      ],
    },
  },
  {
    // lib's unit tests test lib's files themselves
    files: ["test/lib/**/*.ts"],
    rules: {
      "import-x/no-restricted-paths": ["error", { zones: LAYERS.filter((z) => z.message !== LIB_SRC) }],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: {
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        process: "readonly",
        console: "readonly",
        __dirname: "readonly",
      },
    },
  },
);
