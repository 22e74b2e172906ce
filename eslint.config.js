// ESLint for the explorer page's scripts (graph/templates/js), run by `make test` and .ci/run.
// Each file is a plain script: graph/_html.py joins them, in SCRIPT_MODULES order, into one
// function inlined in the page. A file names the namespaces of earlier files it uses in a
// `/* global ... */` comment, and its own in `/* exported ... */` (tests/test_page_modules.py
// checks that the names are of earlier files), so no-undef catches a name from nowhere.
const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  { ignores: ["**/*.js", "!graph/", "!graph/templates/", "!graph/templates/js/", "!graph/templates/js/*.js", "!eslint.config.js"] },
  {
    files: ["graph/templates/js/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser, vis: "readonly" },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      ...js.configs.recommended.rules,
      "no-unused-vars": ["error", { vars: "all", args: "none", caughtErrors: "none" }],
      "no-redeclare": ["error", { builtinGlobals: true }],
      "no-implicit-globals": "error",
      eqeqeq: "error",
      "no-use-before-define": ["error", { functions: false, variables: true }],
      // The page's CSP forbids eval, and data strings never become markup: text only.
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-restricted-properties": [
        "error",
        ...["innerHTML", "outerHTML", "insertAdjacentHTML", "write", "writeln"].map((property) => ({
          property,
          message: "Build nodes with el() and textContent: data never becomes markup.",
        })),
      ],
      "no-var": "off",
      "prefer-const": "off",
    },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: js.configs.recommended.rules,
  },
];
