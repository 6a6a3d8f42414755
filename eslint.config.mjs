// ESLint flat config: Next's core-web-vitals + TypeScript rules (which include
// jsx-a11y and react-hooks), plus a guard that keeps lib/ domain code pure.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "lib/server/generated/**", "next-env.d.ts", "data/**", "test-results/**"],
  },
  {
    rules: {
      // Leading underscore marks a value destructured only to leave it out.
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["lib/**/*.ts"],
    ignores: ["lib/server/**", "lib/db/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "next", "next/*"], message: "lib/ domain code is pure: no React or Next." },
            {
              group: ["@prisma/*", "**/generated/**", "**/server/**"],
              message: "lib/ domain code is pure: no database access.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
