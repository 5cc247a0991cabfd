// Types for every operation in src/, generated from the committed schema.graphql: when the schema
// drifts from what the app asks, codegen or tsc fails and so does the build.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../../schema.graphql",
  documents: ["src/**/*.ts"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
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
