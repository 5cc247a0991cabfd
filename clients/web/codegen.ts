// Types for every operation in src/, generated from the committed schema.graphql: when the schema
// drifts from what the app asks, codegen or tsc fails and so does the build. Every operation is
// also a persisted document: codegen writes src/gql/persisted-documents.json (id "sha256:<hex>"
// → the exact text), scripts/manifest.mjs copies it into the Python package, and api.ts sends
// the id instead of the text.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: "sha256" } },
      config: {
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: "string", DateTime: "string", JSON: "unknown" },
      },
    },
  },
};

export default config;
