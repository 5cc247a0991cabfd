// One POST to the service's own /graphql per call; errors keep the service's stable code. Every
// operation is a persisted document (codegen.ts): the app sends its id, not its text (and the text
// once more if the service does not know the id, e.g. an older one behind the dev server's proxy).
import type { TypedDocumentString } from "./gql/graphql";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const send = (payload: { documentId: string } | { query: string }) =>
    fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ ...payload, variables }),
      signal,
    });
  let response = await send(operation(document));
  let body = (await response.json()) as GraphQLResponse<TResult>;
  if (body.errors?.[0]?.extensions?.code === "PERSISTED_QUERY_NOT_FOUND") {
    response = await send({ query: document.toString() }); // a service without this document
    body = (await response.json()) as GraphQLResponse<TResult>;
  }
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new ApiError(first.message, first.extensions?.code ?? "UNKNOWN");
  }
  if (!response.ok || !body.data) {
    throw new ApiError(`服务返回 HTTP ${response.status}`, "HTTP_ERROR");
  }
  return body.data;
}

/** The persisted document's id (codegen's hash, "sha256:<hex>"), or its text when it has none. */
function operation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): { documentId: string } | { query: string } {
  const id: unknown = document.__meta__?.hash;
  return typeof id === "string" ? { documentId: id } : { query: document.toString() };
}

/** The message to show for a failed call, in the office's words. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const reasons: Record<string, string> = {
      NOT_FOUND: "未找到",
      VALIDATION_FAILED: "输入有误",
      BAD_REQUEST: "请求有误",
    };
    return `${reasons[error.code] ?? "查询失败"}：${error.message}`;
  }
  return `查询失败：${String(error)}`;
}
