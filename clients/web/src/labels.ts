// Chinese names of the API's enums, as a government office writes them.
import type {
  VersionOperation,
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
  NO_DATA: "数据未覆盖",
  NOT_IN_FORCE: "已取消",
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

/** A finding's ``cause`` token in the engine's own Chinese wording (the token when unknown). */
export const CAUSE: Record<string, string> = {
  overlap: "多个执法主体同时行使",
  never_assigned: "从未确定执法主体",
  holder_abolished: "原执法主体已撤销且无承继单位",
  delegate_abolished: "承接下放职权的单位已不存在",
  expired: "临时安排已到期",
  ended_by_act: "原职权已被收回或划出且无人承接",
  carved_out: "该地已从原执法主体的管辖范围中划出且无人承接",
  not_delegable: "下放了不得下放的职权",
  outside_territory: "下放范围超出下放机关的管辖区域",
  delegator_not_holding: "下放、委托或划转机关本身并不享有该职权",
  agent_reentrust: "受委托组织再委托",
  pending: "法制审核尚未完成",
  rejected: "法制审核未通过",
  basis_not_in_force: "法律依据均已失效",
  no_basis: "未载明法律依据",
  no_agreement: "相邻地区之间无该领域的协作协议",
  evaluation_due: "下放后未按期评估",
  list_mismatch: "公示清单与决定推导的职权不一致",
};

/** Display values of the enum-valued node properties (kind, category, level, review). */
export const VALUE: Record<string, string> = {
  department: "部门",
  township: "乡镇",
  street: "街道",
  zone_committee: "功能区管委会",
  vertical_branch: "垂直管理机构",
  entrusted_org: "受委托组织",
  partner: "协作单位",
  government: "人民政府",
  province: "省级",
  city: "市级",
  district: "市辖区",
  county: "县",
  zone: "功能区",
  license: "行政许可",
  penalty: "行政处罚",
  coercion: "行政强制",
  inspection: "行政检查",
  levy: "行政征收征用",
  benefit: "行政给付",
  confirmation: "行政确认",
  adjudication: "行政裁决",
  reward: "行政奖励",
  other: "其他",
  assign: "赋予",
  delegate: "下放",
  entrust: "委托",
  transfer: "划转",
  cancel: "取消",
  revoke: "收回",
  designate: "指定管辖",
  approved: "已通过",
  pending: "待审核",
  rejected: "未通过",
  law: "法律",
  administrative_regulation: "行政法规",
  local_regulation: "地方性法规",
  rule: "规章",
  normative_document: "规范性文件",
  policy: "政策文件",
  agreement: "协议",
};

export const OPERATION: Record<VersionOperation, string> = {
  CREATED: "新增",
  UPDATED: "修改",
  DELETED: "删除",
};
