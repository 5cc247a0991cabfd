"""Closed vocabularies of the model, named as in the glossary of DESIGN.md §2."""

from __future__ import annotations

from enum import StrEnum


class RegionKind(StrEnum):
    PROVINCE = "province"
    CITY = "city"
    DISTRICT = "district"
    COUNTY = "county"
    TOWNSHIP = "township"
    STREET = "street"
    ZONE = "zone"


class UnitKind(StrEnum):
    DEPARTMENT = "department"
    TOWNSHIP = "township"
    STREET = "street"
    ZONE_COMMITTEE = "zone_committee"
    VERTICAL_BRANCH = "vertical_branch"
    ENTRUSTED_ORG = "entrusted_org"
    PARTNER = "partner"
    GOVERNMENT = "government"


class LawLevel(StrEnum):
    """Rank of a legal or policy document; the first four are legislation (STATUTORY grants)."""

    LAW = "law"  # 法律
    ADMINISTRATIVE_REGULATION = "administrative_regulation"  # 行政法规
    LOCAL_REGULATION = "local_regulation"  # 地方性法规
    RULE = "rule"  # 规章 (部门规章 / 地方政府规章)
    NORMATIVE_DOCUMENT = "normative_document"  # 规范性文件 (e.g. 京政发〔2020〕9号)
    POLICY = "policy"  # 党内法规、工作意见 and other policy texts
    AGREEMENT = "agreement"  # 协议


LEGISLATION = frozenset(
    {LawLevel.LAW, LawLevel.ADMINISTRATIVE_REGULATION, LawLevel.LOCAL_REGULATION}
)


class Category(StrEnum):
    """职权类别."""

    LICENSE = "license"  # 许可
    PENALTY = "penalty"  # 处罚
    COERCION = "coercion"  # 强制
    INSPECTION = "inspection"  # 检查
    LEVY = "levy"  # 征收征用
    BENEFIT = "benefit"  # 给付
    CONFIRMATION = "confirmation"  # 确认
    ADJUDICATION = "adjudication"  # 裁决
    REWARD = "reward"  # 奖励
    OTHER = "other"  # 其他


class ActKind(StrEnum):
    ASSIGN = "assign"  # 赋予(法定)
    DELEGATE = "delegate"  # 下放 / 交由行使
    ENTRUST = "entrust"  # 委托
    TRANSFER = "transfer"  # 转移 / 划转
    CANCEL = "cancel"  # 取消
    REVOKE = "revoke"  # 收回
    DESIGNATE = "designate"  # 指定管辖


class ActRole(StrEnum):
    SOLE = "sole"
    JOINT = "joint"  # 联合执法: sanctioned shared competence


class Review(StrEnum):
    """法制审核 of an act."""

    APPROVED = "approved"
    PENDING = "pending"
    REJECTED = "rejected"


class EntityKind(StrEnum):
    """The record collections of a dataset, in dependency order."""

    REGION = "regions"
    UNIT = "units"
    LAW = "laws"
    PROVISION = "provisions"
    ITEM = "items"
    ACT = "acts"
    AGREEMENT = "agreements"
    PUBLISHED_LIST = "published_lists"
    DISPUTE = "disputes"


class DisputeKind(StrEnum):
    """执法争议的种类 (DESIGN §2)."""

    LAW_APPLICATION = "law_application"  # 法律适用争议
    MATTER = "matter"  # 职责（事项）争议
    CASE_JURISDICTION = "case_jurisdiction"  # 案件管辖争议
    COOPERATION = "cooperation"  # 执法协作争议


class DisputeStatus(StrEnum):
    """Where a dispute stands: negotiating → coordinating → decided → implemented → closed,
    or withdrawn from any open state (``dispute_flow``)."""

    NEGOTIATING = "negotiating"  # 协商中
    COORDINATING = "coordinating"  # 协调中（司法局）
    DECIDED = "decided"  # 已决定
    IMPLEMENTED = "implemented"  # 已落实
    CLOSED = "closed"  # 已结案
    WITHDRAWN = "withdrawn"  # 已撤回


class DisputeAction(StrEnum):
    """What one event of a dispute records."""

    OPENED = "opened"
    NOTE = "note"  # a negotiation or coordination note by a party or the bureau
    ESCALATED = "escalated"
    DOCUMENT_ISSUED = "document_issued"  # a numbered document; its number is the attachment
    DECIDED = "decided"
    IMPLEMENTED = "implemented"
    CLOSED = "closed"
    WITHDRAWN = "withdrawn"
