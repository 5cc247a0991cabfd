// Chinese names of the API's enums, as a government office writes them.
import type {
  ActKind,
  Category,
  FindingKind,
  GraphEdgeKind,
  GraphNodeKind,
  Mode,
  Role,
  Severity,
  Status,
} from "./gql/graphql";

export const STATUS: Record<Status, string> = {
  CLEAR: "管辖明确",
  OVERLAP: "多头管辖",
  GAP: "管辖空白",
};
export const ROLE: Record<Role, string> = {
  PRIMARY: "行使主体",
  SUPERVISOR: "指导监督",
  AGENT: "受委托组织",
};
export const MODE: Record<Mode, string> = {
  ORIGINAL: "原有",
  STATUTORY: "法定",
  DELEGATED: "下放",
  ENTRUSTED: "委托",
  TRANSFERRED: "划转",
  DESIGNATED: "指定管辖",
};
export const CATEGORY: Record<Category, string> = {
  LICENSE: "行政许可",
  PENALTY: "行政处罚",
  COERCION: "行政强制",
  INSPECTION: "行政检查",
  LEVY: "行政征收征用",
  BENEFIT: "行政给付",
  CONFIRMATION: "行政确认",
  ADJUDICATION: "行政裁决",
  REWARD: "行政奖励",
  OTHER: "其他",
};
export const ACT_KIND: Record<ActKind, string> = {
  ASSIGN: "赋予",
  DELEGATE: "下放",
  ENTRUST: "委托",
  TRANSFER: "划转",
  CANCEL: "取消",
  REVOKE: "收回",
  DESIGNATE: "指定管辖",
};
export const FINDING_KIND: Record<FindingKind, string> = {
  OVERLAP: "多头管辖",
  GAP: "管辖空白",
  INVALID_DELEGATION: "下放不合规",
  UNREVIEWED_ACT: "未经法制审核",
  STALE_BASIS: "依据失效",
  LIST_MISMATCH: "清单不一致",
  CROSS_BORDER: "跨界协作缺失",
  EVALUATION_DUE: "评估逾期",
};
export const SEVERITY: Record<Severity, string> = { HIGH: "高", MEDIUM: "中", LOW: "低" };
export const NODE_KIND: Record<GraphNodeKind, string> = {
  UNIT: "执法主体",
  ITEM: "职权事项",
  REGION: "区域",
  ACT: "决定",
  LAW: "法律文件",
  AGREEMENT: "协作协议",
};
export const EDGE_KIND: Record<GraphEdgeKind, string> = {
  HOLDS: "行使",
  DELEGATED: "下放",
  ENTRUSTED: "委托",
  TRANSFERRED: "划转",
  DESIGNATED: "指定管辖",
  PARENT_OF: "下辖",
  WITHIN: "位于",
  ADJACENT_TO: "毗邻",
  LOCATED_IN: "驻地",
  PARTY_TO: "签署",
  BASED_ON: "依据",
  CONCERNS: "涉及",
  INVOLVES: "涉及主体",
};
export const PROPERTY: Record<string, string> = {
  kind: "类型",
  region: "所在区域",
  vertical: "管理体制",
  successor: "承继主体",
  code: "编码",
  category: "职权类别",
  field: "领域",
  delegable: "可否下放",
  parent: "上级",
  effective: "生效日期",
  until: "截止日期",
  review: "法制审核",
  doc: "文件",
  title: "标题",
  level: "效力层级",
  docNumber: "文号",
  issuer: "制定机关",
  fields: "协作领域",
  mechanisms: "协作机制",
};

export function interval(from: string | null | undefined, to: string | null | undefined): string {
  return `${from ?? "—"} 至 ${to ?? "今"}`;
}
