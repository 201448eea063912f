"""Which column holds what: customer fields recognised from Chinese and English headers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy.orm import Session

from tierdesk.core.customers.search_key import normalise_query
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.settings import store_setting
from tierdesk.core.store.db import Database
from tierdesk.core.store.models import Setting

CTX = "Columns"

# field -> header names people use for it (compared after normalising: half-width, lower
# case, no spaces, no trailing colon). Collected from the customer-archive templates Chinese
# offices keep (客户档案表, 客户信息登记表, 客户管理表, 客户资料表) and what their columns say.
# A column headed just 电话 (or 联系电话, 联系方式) holds mobiles and landlines alike: it is
# "phone", and each number goes where it belongs.
CUSTOMER_FIELDS: dict[str, tuple[str, ...]] = {
    "number": ("客户编号", "编号", "客户代码", "客户号", "客户编码", "客户id", "档案编号",
               "客户档案号", "customerno", "customerno.", "customernumber", "customerid",
               "customercode", "no.", "number"),
    "name": ("客户名称", "客户", "公司名称", "单位名称", "企业名称", "客户全称", "名称", "公司",
             "客户名", "单位", "单位全称", "公司全称", "企业全称", "客户单位", "客户公司",
             "customer", "customername", "company", "companyname", "name"),
    "contact_name": ("联系人", "联系人姓名", "主要联系人", "对接人", "客户联系人",
                     "联系人名称", "关键联系人", "首要联系人", "contact", "contactperson",
                     "contactname"),
    "phone": ("电话", "联系电话", "电话号码", "联系方式", "联系人电话", "电话/手机",
              "手机/电话", "电话(手机)", "联系号码", "客户电话", "phone", "telephone", "tel",
              "phoneno.", "phonenumber"),
    "mobile": ("手机", "手机号", "手机号码", "移动电话", "联系人手机", "mobile",
               "mobilephone", "cell", "cellphone"),
    "landline": ("固定电话", "座机", "座机号码", "办公电话", "固话", "公司电话", "单位电话",
                 "landline", "officephone"),
    "email": ("邮箱", "电子邮件", "电子邮箱", "电子信箱", "邮箱地址", "email", "e-mail",
              "mail"),
    "wechat": ("微信", "微信号", "微信号码", "wechat"),
    "address": ("地址", "详细地址", "公司地址", "通讯地址", "单位地址", "联系地址",
                "办公地址", "经营地址", "所在地址", "address"),
    "industry": ("行业", "所属行业", "行业类别", "行业类型", "行业分类", "industry",
                 "trade"),
    "region": ("区域", "地区", "片区", "所属区域", "销售区域", "区域名称", "所属地区",
               "所在地区", "所在区域", "所属片区", "region", "area", "territory",
               "regionname"),
    "region_code": ("区域代码", "区域编码", "regioncode"),
    "salesperson": ("业务员", "销售员", "负责业务员", "客户经理", "销售代表", "业务代表",
                    "业务员姓名", "负责人", "跟进人", "销售负责人", "所属业务员",
                    "对应业务员", "业务负责人", "跟进业务员", "归属销售",
                    "salesperson", "salesrep", "accountmanager", "owner"),
    "salesperson_code": ("业务员代码", "业务员编号", "工号", "salespersoncode"),
    "status": ("状态", "客户状态", "合作状态", "status"),
    "tier": ("等级", "客户等级", "级别", "分级", "客户分级", "类别", "客户级别", "客户类别",
             "客户分类", "客户星级", "星级", "价值等级", "客户价值等级", "重要程度",
             "tier", "grade", "level", "class"),
    "potential": ("潜力", "成长潜力", "发展潜力", "成长潜力(1-5)", "potential",
                  "potential(1-5)"),
    "customer_since": ("建档日期", "开户日期", "成为客户日期", "合作开始日期", "首次合作日期",
                       "开始合作时间", "开始合作日期", "合作开始时间", "首次合作时间",
                       "建档时间", "注册时间", "注册日期", "登记日期",
                       "录入日期", "开发日期", "首次成交日期", "customersince", "since",
                       "startdate"),
    "contact_birthday": ("联系人生日", "生日", "出生日期", "联系人出生日期", "联系人生日日期",
                         "birthday", "contactbirthday", "dateofbirth"),
    "notes": ("备注", "说明", "备注说明", "notes", "note", "remarks", "comment", "comments"),
}

FIELD_LABELS = {
    "number": QT_TRANSLATE_NOOP("Columns", "Customer no."),
    "name": QT_TRANSLATE_NOOP("Columns", "Customer name"),
    "contact_name": QT_TRANSLATE_NOOP("Columns", "Contact person"),
    "phone": QT_TRANSLATE_NOOP("Columns", "Phone (mobile or landline)"),
    "mobile": QT_TRANSLATE_NOOP("Columns", "Mobile"),
    "landline": QT_TRANSLATE_NOOP("Columns", "Landline"),
    "email": QT_TRANSLATE_NOOP("Columns", "E-mail"),
    "wechat": QT_TRANSLATE_NOOP("Columns", "WeChat"),
    "address": QT_TRANSLATE_NOOP("Columns", "Address"),
    "industry": QT_TRANSLATE_NOOP("Columns", "Industry"),
    "region": QT_TRANSLATE_NOOP("Columns", "Region"),
    "region_code": QT_TRANSLATE_NOOP("Columns", "Region code"),
    "salesperson": QT_TRANSLATE_NOOP("Columns", "Salesperson"),
    "salesperson_code": QT_TRANSLATE_NOOP("Columns", "Salesperson code"),
    "status": QT_TRANSLATE_NOOP("Columns", "Status"),
    "tier": QT_TRANSLATE_NOOP("Columns", "Tier"),
    "potential": QT_TRANSLATE_NOOP("Columns", "Potential (1-5)"),
    "customer_since": QT_TRANSLATE_NOOP("Columns", "Customer since"),
    "contact_birthday": QT_TRANSLATE_NOOP("Columns", "Contact's birthday"),
    "notes": QT_TRANSLATE_NOOP("Columns", "Notes"),
}


def header_key(value: object) -> str:
    if not isinstance(value, str):
        return ""
    return re.sub(r"[:：*＊]+$", "", normalise_query(value))


_LOOKUP = {header_key(alias): field for field, aliases in CUSTOMER_FIELDS.items()
           for alias in aliases}
KNOWN_HEADERS = set(_LOOKUP)


def auto_map(headers: Sequence[object]) -> dict[int, str]:
    """Column index -> field for the headers recognised; each field taken once (leftmost)."""
    mapping: dict[int, str] = {}
    taken: set[str] = set()
    for index, header in enumerate(headers):
        field = _LOOKUP.get(header_key(header))
        if field and field not in taken:
            mapping[index] = field
            taken.add(field)
    return mapping


MAPPINGS_SETTING = "import_mappings"


def saved_mappings(db: Database) -> dict[str, dict[str, str]]:
    """Named column mappings the office saved: name -> {column name: field}."""
    with db.read() as session:
        return _stored(session)


def _stored(session: Session) -> dict[str, dict[str, str]]:
    row = session.get(Setting, MAPPINGS_SETTING)
    return dict(row.value) if row is not None and isinstance(row.value, dict) else {}


def save_mapping(db: Database, name: str, headers: Sequence[object],
                 mapping: dict[int, str]) -> None:
    """Remember a mapping under ``name`` (by column name, so it fits the next file)."""
    with db.write() as session:
        stored = _stored(session)
        stored[name.strip()] = {header_key(headers[i]): field for i, field in mapping.items()
                                if i < len(headers) and header_key(headers[i])}
        store_setting(session, MAPPINGS_SETTING, stored)


def apply_mapping(named: dict[str, str], headers: Sequence[object]) -> dict[int, str]:
    """A saved mapping laid on this file's columns (matched by column name)."""
    return {i: named[header_key(h)] for i, h in enumerate(headers) if header_key(h) in named}
