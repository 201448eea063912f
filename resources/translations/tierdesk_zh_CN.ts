<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About TierDesk</source>
        <translation>关于 TierDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;TierDesk {version}&lt;/h2&gt;&lt;p&gt;The customer archive of a field sales office.&lt;/p&gt;&lt;p&gt;Python {python}, Qt {qt}&lt;/p&gt;</source>
        <translation>&lt;h2&gt;TierDesk {version}&lt;/h2&gt;&lt;p&gt;销售办事处的客户档案。&lt;/p&gt;&lt;p&gt;Python {python}，Qt {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What TierDesk carries, and the licence of each:</source>
        <translation>TierDesk 随附的组件及其许可证：</translation>
    </message>
    <message>
        <source>The licence texts are in {folder}.</source>
        <translation>许可证全文在 {folder}。</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>Alerts</name>
    <message>
        <source>bought ¥{recent} against ¥{before} before: down {drop}</source>
        <translation>购买 ¥{recent}，之前为 ¥{before}：下降 {drop}</translation>
    </message>
    <message>
        <source>Visit soon and ask what changed.</source>
        <translation>尽快拜访，问清变化原因。</translation>
    </message>
    <message>
        <source>no contact for {days} days past the tier norm</source>
        <translation>超出等级标准 {days} 天未联系</translation>
    </message>
    <message>
        <source>Call or visit this week.</source>
        <translation>本周内电话或拜访。</translation>
    </message>
    <message>
        <source>contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>missing: {fields}</source>
        <translation>缺少：{fields}</translation>
    </message>
    <message>
        <source>Complete the file at the next contact.</source>
        <translation>下次联系时补全档案。</translation>
    </message>
    <message>
        <source>{visits} visits in {month}; the norm asks {norm:g}</source>
        <translation>{month} 拜访 {visits} 次；标准为 {norm:g} 次</translation>
    </message>
    <message>
        <source>Spend the extra visits on customers who need them.</source>
        <translation>把多出的拜访用在更需要的客户身上。</translation>
    </message>
    <message>
        <source>{visits} visits over {days} working days in {month}: {per_day} a day</source>
        <translation>{month} 的 {days} 个工作日拜访 {visits} 次：每天 {per_day} 次</translation>
    </message>
    <message>
        <source>Plan at least {least:g} visits a working day.</source>
        <translation>每个工作日至少安排 {least:g} 次拜访。</translation>
    </message>
    <message>
        <source>{overdue} of {customers} customers overdue for a call or visit ({share})</source>
        <translation>{customers} 个客户中 {overdue} 个电话或拜访逾期（{share}）</translation>
    </message>
    <message>
        <source>Give the region more visits, or more people.</source>
        <translation>给该区域更多拜访或更多人手。</translation>
    </message>
    <message>
        <source>{new} new customers on {before} in three months: {rate} against the office&apos;s {office}</source>
        <translation>三个月内在 {before} 个客户基础上新增 {new} 个：{rate}，全部门为 {office}</translation>
    </message>
    <message>
        <source>Set the region a development drive.</source>
        <translation>为该区域安排新客户开发行动。</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>There is no archive at {path}. Start a new, empty archive there?</source>
        <translation>{path} 处没有档案。要在那里新建一个空档案吗？</translation>
    </message>
    <message>
        <source>Building the demo office…</source>
        <translation>正在生成示范销售部…</translation>
    </message>
</context>
<context>
    <name>ArchiveCheck</name>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>&amp;Check archive…</source>
        <translation>检查档案(&amp;C)…</translation>
    </message>
    <message>
        <source>Looking for the latest good backup…</source>
        <translation>正在查找最近一份完好的备份…</translation>
    </message>
    <message>
        <source>No good backup of this archive was found. A copy kept elsewhere can be put back from the File menu, Backups….</source>
        <translation>没有找到这个档案的完好备份。保存在别处的副本可以从“文件”菜单的“备份…”中恢复。</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the damaged archive with its latest good backup, {file}? The damaged archive is copied first. The window then opens the restored archive.</source>
        <translation>用最近一份完好的备份 {file} 替换已损坏的档案？会先把已损坏的档案复制保留。随后窗口将打开恢复后的档案。</translation>
    </message>
    <message>
        <source>Restored from {file}; the damaged archive is kept in {kept}.</source>
        <translation>已从 {file} 恢复；已损坏的档案保存在 {kept}。</translation>
    </message>
    <message>
        <source>Restored from {file}.</source>
        <translation>已从 {file} 恢复。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>AssessmentModel</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier now</source>
        <translation>现等级</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>建议等级</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Sales, 12 months</source>
        <translation>近12个月销售额</translation>
    </message>
    <message>
        <source>Set by hand</source>
        <translation>人工设定</translation>
    </message>
    <message>
        <source>up</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>down</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新评</translation>
    </message>
    <message>
        <source>same</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Backup</name>
    <message>
        <source>at start</source>
        <translation>启动时</translation>
    </message>
    <message>
        <source>after 30 minutes of changes</source>
        <translation>修改 30 分钟后</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <source>before a transfer file was applied</source>
        <translation>应用传输文件前</translation>
    </message>
    <message>
        <source>before synchronising</source>
        <translation>同步前</translation>
    </message>
    <message>
        <source>before a tier reassessment</source>
        <translation>重新评级前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <source>before a repair (as it was, unchecked)</source>
        <translation>修复前（原样保存，未经检查）</translation>
    </message>
    <message>
        <source>before the upgrade from schema {revision}</source>
        <translation>从数据结构 {revision} 升级前</translation>
    </message>
    <message>
        <source>There is no file {file}.</source>
        <translation>文件 {file} 不存在。</translation>
    </message>
    <message>
        <source>The copy of {path} failed SQLite&apos;s integrity check ({damage}), so it was deleted. The archive itself may be damaged.</source>
        <translation>{path} 的副本未通过 SQLite 完整性检查（{damage}），已被删除。档案本身可能已损坏。</translation>
    </message>
    <message>
        <source>{path} could not be copied to {target}: {reason}</source>
        <translation>无法将 {path} 复制到 {target}：{reason}</translation>
    </message>
    <message>
        <source>The backup folder {folder} cannot be made: {reason}</source>
        <translation>无法创建备份文件夹 {folder}：{reason}</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <source>{file} is not a TierDesk archive (it is not an SQLite file).</source>
        <translation>{file} 不是 TierDesk 档案（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{file} is damaged (SQLite&apos;s integrity check says: {damage}).</source>
        <translation>{file} 已损坏（SQLite 完整性检查结果：{damage}）。</translation>
    </message>
    <message>
        <source>{file} is not a TierDesk archive (it holds other tables).</source>
        <translation>{file} 不是 TierDesk 档案（其中是其他程序的数据表）。</translation>
    </message>
    <message>
        <source>{file} was written by a newer TierDesk (schema {revision}); this version cannot restore it.</source>
        <translation>{file} 由更新版本的 TierDesk 写入（数据结构 {revision}），此版本无法恢复它。</translation>
    </message>
    <message>
        <source>{path} is open in another window or program; close it there and restore again. Nothing was changed.</source>
        <translation>{path} 正在另一个窗口或程序中打开；请先在那里关闭，再重新恢复。没有做任何更改。</translation>
    </message>
    <message>
        <source>{file} is the archive itself; choose a backup to restore.</source>
        <translation>{file} 就是档案本身；请选择一份备份来恢复。</translation>
    </message>
    <message>
        <source>{path} could not be replaced: {reason}. Nothing was changed.</source>
        <translation>无法替换 {path}：{reason}。没有做任何更改。</translation>
    </message>
    <message>
        <source>{file} already exists; choose another name (it was left as it is).</source>
        <translation>{file} 已存在；请另选一个名称（该文件未作改动）。</translation>
    </message>
    <message>
        <source>There is no folder {folder}.</source>
        <translation>文件夹 {folder} 不存在。</translation>
    </message>
    <message>
        <source>TierDesk backs up archives kept in a file (SQLite) only. Back up a PostgreSQL office with its own tools: pg_dump -Fc DATABASE &gt; office.dump, and put it back with pg_restore.</source>
        <translation>TierDesk 只备份保存在文件（SQLite）中的档案。存放在 PostgreSQL 中的办公室档案请用 PostgreSQL 自己的工具备份：pg_dump -Fc DATABASE &gt; office.dump，并用 pg_restore 恢复。</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Put the chosen backup in place of the archive (with none chosen: a backup file of your own)</source>
        <translation>用选中的备份替换档案（未选中任何备份时：选择您自己保存的备份文件）</translation>
    </message>
    <message>
        <source>Open &amp;folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Backups of {archive} are kept in {folder}, readable by you only. TierDesk makes one as it starts (when the archive changed), after every 30 minutes of changes, and before an import, a transfer file, synchronising, a tier reassessment, an upgrade and a restore. It keeps all of today&apos;s and the newest of each of the last 7 days, 4 weeks and 12 months.</source>
        <translation>{archive} 的备份保存在 {folder}，只有您本人可以读取。TierDesk 会在启动时（档案有变化时）、每修改 30 分钟后，以及导入、应用传输文件、同步、重新评级、升级和恢复之前各做一份备份。保留今天的全部备份，以及最近 7 天中每天、4 周中每周和 12 个月中每月最新的一份。</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>TierDesk archives (*.sqlite);;All files (*)</source>
        <translation>TierDesk 档案 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Replace the archive with the backup of {when}? The archive as it is now is backed up first, so this can be undone. The window then opens the restored archive.</source>
        <translation>用 {when} 的备份替换档案？会先备份档案的当前内容，因此可以撤销。随后窗口将打开恢复后的档案。</translation>
    </message>
    <message>
        <source>Restored from {file}; what the archive held before is kept in {kept}.</source>
        <translation>已从 {file} 恢复；档案原来的内容保存在 {kept}。</translation>
    </message>
    <message>
        <source>Restored from {file}.</source>
        <translation>已从 {file} 恢复。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <source>The backups are in {folder} (no file manager was found to open it).</source>
        <translation>备份保存在 {folder}（没有找到可以打开它的文件管理器）。</translation>
    </message>
    <message>
        <source>The archive could not be backed up: {reason}</source>
        <translation>无法备份档案：{reason}</translation>
    </message>
</context>
<context>
    <name>CardReport</name>
    <message>
        <source>Customer visit card</source>
        <translation>客户档案卡</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>洽谈内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <source>Card {seq} · opened {opened} · {state}</source>
        <translation>第 {seq} 张卡 · {opened} 启用 · {state}</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>archived {closed}</source>
        <translation>{closed} 归档</translation>
    </message>
    <message>
        <source>struck out by {who} on {when}</source>
        <translation>已由 {who} 于 {when} 划掉</translation>
    </message>
</context>
<context>
    <name>Cards</name>
    <message>
        <source>There is no such card entry.</source>
        <translation>没有这条卡片记录。</translation>
    </message>
    <message>
        <source>Card {seq} has no entry {slot}.</source>
        <translation>第 {seq} 张卡片没有第 {slot} 条记录。</translation>
    </message>
    <message>
        <source>The customer has no card number {seq}.</source>
        <translation>该客户没有第 {seq} 张档案卡。</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <source>Customers by tier</source>
        <translation>各等级客户数</translation>
    </message>
    <message>
        <source>Share of sales by tier (Pareto curve)</source>
        <translation>各等级销售占比（帕累托曲线）</translation>
    </message>
    <message>
        <source>Tier migration between two reassessments</source>
        <translation>两次评级之间的等级迁移</translation>
    </message>
    <message>
        <source>Contact norm compliance</source>
        <translation>联系规范达标情况</translation>
    </message>
    <message>
        <source>Tiers by region</source>
        <translation>各区域客户等级</translation>
    </message>
    <message>
        <source>By salesperson</source>
        <translation>按业务员</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按等级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customers whose norm was met last period (%)</source>
        <translation>上期达标客户占比（%）</translation>
    </message>
    <message>
        <source>Customers, largest first (%)</source>
        <translation>客户（按销售额从大到小，%）</translation>
    </message>
    <message>
        <source>No region</source>
        <translation>无区域</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Share of sales, last 12 months (%)</source>
        <translation>近12个月销售占比（%）</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Two reassessments are needed for this chart.</source>
        <translation>此图表需要至少两次评级。</translation>
    </message>
    <message>
        <source>Tier at {when}</source>
        <translation>{when} 的等级</translation>
    </message>
    <message>
        <source>Nothing to show: no figures for this yet.</source>
        <translation>暂无可显示的数据：这一项还没有数字。</translation>
    </message>
    <message>
        <source>The {shown} furthest behind of {count}</source>
        <translation>{count} 人中落后最多的 {shown} 人</translation>
    </message>
    <message>
        <source>Satisfaction rate by month</source>
        <translation>每月满意率</translation>
    </message>
    <message>
        <source>Satisfied answers (%)</source>
        <translation>满意答卷占比（%）</translation>
    </message>
    <message>
        <source>Target {percent}%</source>
        <translation>目标 {percent}%</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>答卷数</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>SQLite&apos;s integrity and foreign-key checks: not run on a PostgreSQL office (the server checks its files and its foreign keys itself).</source>
        <translation>SQLite 完整性检查和外键检查：不对存放在 PostgreSQL 中的办公室档案进行（服务器会自行检查其文件和外键）。</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was changed.</source>
        <translation>检查已取消，没有做任何更改。</translation>
    </message>
    <message>
        <source>This part could not be checked. If the file is damaged, restore the latest good backup (tierdesk restore).</source>
        <translation>这一项无法检查。如果文件已损坏，请恢复最近一份完好的备份（tierdesk restore）。</translation>
    </message>
    <message>
        <source>SQLite&apos;s integrity check</source>
        <translation>SQLite 完整性检查</translation>
    </message>
    <message>
        <source>Problems in the file: {count} (the first: {detail}).</source>
        <translation>文件中的问题：{count} 处（第一处：{detail}）。</translation>
    </message>
    <message>
        <source>Rebuild the indexes that no longer match their tables.</source>
        <translation>重建与数据表不再一致的索引。</translation>
    </message>
    <message>
        <source>The file is damaged: restore the latest good backup (tierdesk restore).</source>
        <translation>文件已损坏：请恢复最近一份完好的备份（tierdesk restore）。</translation>
    </message>
    <message>
        <source>SQLite&apos;s foreign-key check</source>
        <translation>SQLite 外键检查</translation>
    </message>
    <message>
        <source>Rows that refer to rows not in the archive: {count}.</source>
        <translation>引用了档案中不存在的行的数据行：{count}。</translation>
    </message>
    <message>
        <source>What they refer to was lost: restore the latest good backup (tierdesk restore) if it holds it.</source>
        <translation>它们引用的数据已丢失：如果最近一份完好的备份中还有这些数据，请恢复该备份（tierdesk restore）。</translation>
    </message>
    <message>
        <source>Customer numbers</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customers without a number, or with one that differs from another&apos;s only in case, width or spaces: {count}.</source>
        <translation>没有编号，或编号与另一客户的编号仅在大小写、全角半角或空格上不同的客户：{count}。</translation>
    </message>
    <message>
        <source>Give each of them a number of its own, so that a number finds one customer.</source>
        <translation>请给每个客户一个独有的编号，使一个编号只对应一个客户。</translation>
    </message>
    <message>
        <source>Open cards</source>
        <translation>使用中的档案卡</translation>
    </message>
    <message>
        <source>Customers with more than one open card: {count}.</source>
        <translation>有不止一张使用中档案卡的客户：{count}。</translation>
    </message>
    <message>
        <source>Close all but the newest open card of each.</source>
        <translation>每个客户只保留最新的一张使用中档案卡，其余归档。</translation>
    </message>
    <message>
        <source>Card sizes</source>
        <translation>档案卡栏数</translation>
    </message>
    <message>
        <source>Customers whose open card holds its size or more entries: {count}.</source>
        <translation>使用中的档案卡记录数已达到或超过栏数的客户：{count}。</translation>
    </message>
    <message>
        <source>Close those cards (the next entry opens a new one).</source>
        <translation>将这些档案卡归档（下一条记录会启用新卡）。</translation>
    </message>
    <message>
        <source>Card numbers</source>
        <translation>档案卡序号</translation>
    </message>
    <message>
        <source>Customers whose cards are not numbered 1, 2, 3 … (a number missing or used twice): {count}.</source>
        <translation>档案卡序号不是 1、2、3……依次排列（有缺号或重号）的客户：{count}。</translation>
    </message>
    <message>
        <source>Number each customer&apos;s cards in the order they were opened.</source>
        <translation>按启用先后重新为每个客户的档案卡编序号。</translation>
    </message>
    <message>
        <source>Card entries</source>
        <translation>档案卡记录</translation>
    </message>
    <message>
        <source>Cards whose entries are not numbered 1, 2, 3 … (a number missing, used twice or outside the card): {count}.</source>
        <translation>记录栏号不是 1、2、3……依次排列（有缺号、重号或超出卡片栏数）的档案卡：{count}。</translation>
    </message>
    <message>
        <source>Number the entries of each card in the order they were written.</source>
        <translation>按填写先后重新为每张档案卡的记录编栏号。</translation>
    </message>
    <message>
        <source>Search keys</source>
        <translation>查找关键字</translation>
    </message>
    <message>
        <source>Customers who cannot be found by their number or name (search keys missing or out of date): {count}.</source>
        <translation>按编号或名称查找不到的客户（查找关键字缺失或过期）：{count}。</translation>
    </message>
    <message>
        <source>Rebuild their search keys.</source>
        <translation>重建这些客户的查找关键字。</translation>
    </message>
    <message>
        <source>Totals billed and paid</source>
        <translation>开票与回款合计</translation>
    </message>
    <message>
        <source>Customers whose totals billed or paid differ from their orders and payments: {count}.</source>
        <translation>开票合计或回款合计与其订单、回款不符的客户：{count}。</translation>
    </message>
    <message>
        <source>Add up their orders and payments again.</source>
        <translation>重新累计这些客户的订单和回款。</translation>
    </message>
    <message>
        <source>Journal stamps</source>
        <translation>修改日志时间戳</translation>
    </message>
    <message>
        <source>Journal entries whose stamp is not 18 digits (the next write could not be stamped): {count}.</source>
        <translation>时间戳不是 18 位数字的修改日志记录（下一次写入将无法加盖时间戳）：{count}。</translation>
    </message>
    <message>
        <source>The change journal is damaged: restore the latest good backup (tierdesk restore).</source>
        <translation>修改日志已损坏：请恢复最近一份完好的备份（tierdesk restore）。</translation>
    </message>
    <message>
        <source>Journal entries</source>
        <translation>修改日志记录</translation>
    </message>
    <message>
        <source>Journal entries about rows that are not in the archive, with no deletion journalled: {count}.</source>
        <translation>所涉及的行已不在档案中、却没有删除记录的修改日志记录：{count}。</translation>
    </message>
    <message>
        <source>Those rows were lost outside TierDesk: restore the latest good backup (tierdesk restore) if it holds them.</source>
        <translation>这些行是在 TierDesk 之外丢失的：如果最近一份完好的备份中还有这些行，请恢复该备份（tierdesk restore）。</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check archive</source>
        <translation>检查档案</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source>Which</source>
        <translation>涉及对象</translation>
    </message>
    <message>
        <source>Repair or what to do</source>
        <translation>修复或处理办法</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>再次检查(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Repair…</source>
        <translation>修复(&amp;R)…</translation>
    </message>
    <message>
        <source>Checking the archive…</source>
        <translation>正在检查档案…</translation>
    </message>
    <message>
        <source>Repair the archive</source>
        <translation>修复档案</translation>
    </message>
    <message>
        <source>Repair what can be repaired?

{repairs}

It is done in one step: all of it or nothing. Nothing is deleted.</source>
        <translation>修复所有能修复的问题？

{repairs}

修复一步完成：要么全部完成，要么一项也不改。不会删除任何内容。</translation>
    </message>
    <message>
        <source>Repairing the archive…</source>
        <translation>正在修复档案…</translation>
    </message>
    <message>
        <source>The check was cancelled; nothing was changed.</source>
        <translation>检查已取消，没有做任何更改。</translation>
    </message>
    <message>
        <source>Repaired: {repaired}. Still wrong: {left}.</source>
        <translation>已修复：{repaired} 项。仍有问题：{left} 项。</translation>
    </message>
    <message>
        <source>Nothing wrong was found ({checks} checks).</source>
        <translation>未发现问题（共检查 {checks} 项）。</translation>
    </message>
    <message>
        <source>Found wrong: {found}; {repairable} of them can be repaired.</source>
        <translation>发现问题 {found} 项，其中 {repairable} 项可以修复。</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>等，另有 {count} 个</translation>
    </message>
    <message>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <source>Can be repaired: {repair}</source>
        <translation>可以修复：{repair}</translation>
    </message>
</context>
<context>
    <name>Columns</name>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone (mobile or landline)</source>
        <translation>电话（手机或固话）</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Region code</source>
        <translation>区域代码</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Salesperson code</source>
        <translation>业务员代码</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Potential (1-5)</source>
        <translation>成长潜力（1-5）</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>成为客户日期</translation>
    </message>
    <message>
        <source>Contact&apos;s birthday</source>
        <translation>联系人生日</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ColumnsPage</name>
    <message>
        <source>Check the columns</source>
        <translation>核对列</translation>
    </message>
    <message>
        <source>TierDesk guessed what each column holds from its name. Correct what it got wrong; save the mapping for next time.</source>
        <translation>TierDesk 根据列名推测了每列的内容。请更正猜错的列；可以把对应关系保存下来，下次直接使用。</translation>
    </message>
    <message>
        <source>&amp;Save mapping as…</source>
        <translation>保存对应关系(&amp;S)…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Saved mapping:</source>
        <translation>已保存的对应关系：</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Values accepted</source>
        <translation>可导入的值</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Checking the values…</source>
        <translation>正在检查各列的值…</translation>
    </message>
    <message>
        <source>{accepted} of {given} accepted</source>
        <translation>{given} 个值中 {accepted} 个可导入</translation>
    </message>
    <message>
        <source>no values</source>
        <translation>没有值</translation>
    </message>
    <message>
        <source>The values cannot be checked: {reason}</source>
        <translation>无法检查这些值：{reason}</translation>
    </message>
    <message>
        <source>Still needed: {fields}</source>
        <translation>还缺少：{fields}</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存对应关系</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>24-hour target</source>
        <translation>24小时响应</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Satisfaction afterwards</source>
        <translation>处理后满意度</translation>
    </message>
    <message>
        <source>Start &amp;investigating</source>
        <translation>开始调查(&amp;I)</translation>
    </message>
    <message>
        <source>Record the &amp;answer…</source>
        <translation>记录答复(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close the complaint…</source>
        <translation>结案(&amp;C)…</translation>
    </message>
    <message>
        <source>Hand to…</source>
        <translation>转交…</translation>
    </message>
    <message>
        <source>Complaint: {customer}</source>
        <translation>投诉：{customer}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Answer given to the customer</source>
        <translation>给客户的答复</translation>
    </message>
    <message>
        <source>Satisfaction afterwards (1–{top}, empty if not known)</source>
        <translation>处理后满意度（1–{top}，不知道则留空）</translation>
    </message>
</context>
<context>
    <name>ComplaintRegister</name>
    <message>
        <source>Complaint register</source>
        <translation>投诉登记簿</translation>
    </message>
    <message>
        <source>Open complaints only</source>
        <translation>只看未结案的投诉</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>24-hour target</source>
        <translation>24小时响应</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>complaints.xlsx</source>
        <translation>投诉登记簿.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The workbook could not be written: {reason}</source>
        <translation>无法写入工作簿：{reason}</translation>
    </message>
</context>
<context>
    <name>Complaints</name>
    <message>
        <source>This complaint no longer exists.</source>
        <translation>这条投诉已不存在。</translation>
    </message>
    <message>
        <source>answered within 24 h</source>
        <translation>24小时内已答复</translation>
    </message>
    <message>
        <source>answered late</source>
        <translation>超时答复</translation>
    </message>
    <message>
        <source>The customer&apos;s salesperson</source>
        <translation>客户的业务员</translation>
    </message>
    <message>
        <source>New complaint</source>
        <translation>新投诉</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Through</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>quality, delivery, service, price …</source>
        <translation>质量、交货、服务、价格…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>What the customer says</source>
        <translation>客户反映的问题</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>办公室</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>传入</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>&amp;Keep the office&apos;s value</source>
        <translation>保留办公室的值(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Take the incoming value</source>
        <translation>采用传入的值(&amp;T)</translation>
    </message>
    <message>
        <source>Take the value the laptop sent. A record deleted here comes back with it.</source>
        <translation>采用笔记本发来的值。在此处已删除的记录会随之恢复。</translation>
    </message>
    <message>
        <source>T&amp;ype a value…</source>
        <translation>输入一个值(&amp;Y)…</translation>
    </message>
    <message>
        <source>{value} ({who}, {when})</source>
        <translation>{value}（{who}，{when}）</translation>
    </message>
    <message>
        <source>{value} (deleted here)</source>
        <translation>{value}（此处已删除）</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision.</source>
        <translation>
            <numerusform>有 %n 个冲突等待决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts wait for a decision.</source>
        <translation>没有等待决定的冲突。</translation>
    </message>
    <message>
        <source>Type a value</source>
        <translation>输入一个值</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
</context>
<context>
    <name>CustomerDialog</name>
    <message>
        <source>Edit customer {number}</source>
        <translation>编辑客户 {number}</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer already there?</source>
        <translation>客户已存在？</translation>
    </message>
    <message>
        <source>A customer with this name and phone number is already in the archive:</source>
        <translation>档案中已有名称和电话相同的客户：</translation>
    </message>
    <message>
        <source>Add a new customer anyway</source>
        <translation>仍然新建客户</translation>
    </message>
    <message>
        <source>Show the existing customer</source>
        <translation>查看已有客户</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer &amp;name</source>
        <translation>客户名称(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>联系人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Mobile</source>
        <translation>手机(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Landline</source>
        <translation>固定电话(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>电子邮件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;WeChat</source>
        <translation>微信(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Industry</source>
        <translation>行业(&amp;I)</translation>
    </message>
    <message>
        <source>Re&amp;gion</source>
        <translation>区域(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Salesperson</source>
        <translation>业务员(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>状态(&amp;T)</translation>
    </message>
    <message>
        <source>Tie&amp;r</source>
        <translation>等级(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Potential (1-5)</source>
        <translation>成长潜力（1-5）(&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;ustomer since</source>
        <translation>成为客户日期(&amp;U)</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>CustomerPanel</name>
    <message>
        <source>Visit card</source>
        <translation>档案卡</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>编辑资料(&amp;E)…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细资料</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Via outlet</source>
        <translation>经销渠道</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Add pa&amp;yment…</source>
        <translation>添加回款(&amp;Y)…</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Assessed</source>
        <translation>评定时间</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>原等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Add co&amp;ntact…</source>
        <translation>添加联系人(&amp;N)…</translation>
    </message>
    <message>
        <source>Add o&amp;rder…</source>
        <translation>添加订单(&amp;R)…</translation>
    </message>
    <message>
        <source>New co&amp;mplaint…</source>
        <translation>新投诉(&amp;M)…</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Add survey &amp;answer…</source>
        <translation>添加调查结果(&amp;A)…</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Tier history</source>
        <translation>等级记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <source>By</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>电脑</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应办日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Add service &amp;job…</source>
        <translation>添加服务记录(&amp;J)…</translation>
    </message>
    <message>
        <source>Add due &amp;date…</source>
        <translation>添加到期日(&amp;D)…</translation>
    </message>
    <message>
        <source>Follow-ups open</source>
        <translation>待办回访</translation>
    </message>
    <message>
        <source>Service jobs</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Due dates (a reminder comes a week before)</source>
        <translation>到期日（提前一周提醒）</translation>
    </message>
    <message>
        <source>P&amp;rint card to PDF…</source>
        <translation>打印档案卡为 PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>Card:</source>
        <translation>档案卡：</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>洽谈内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No customer chosen&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;未选择客户&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>Choose a customer in the list, or press Ctrl+N to add one.</source>
        <translation>请在列表中选择客户，或按 Ctrl+N 新建客户。</translation>
    </message>
    <message>
        <source>Contact: {contact}  ·  Phone: {phones}  ·  Salesperson: {person}
Address: {address}  ·  Last contact: {last}  ·  Next visit due: {next}</source>
        <translation>联系人：{contact}  ·  电话：{phones}  ·  业务员：{person}
地址：{address}  ·  上次联系：{last}  ·  下次拜访：{next}</translation>
    </message>
    <message>
        <source>nothing due this period</source>
        <translation>本期无待办</translation>
    </message>
    <message>
        <source>Contact norm: {text}</source>
        <translation>联系规范：{text}</translation>
    </message>
    <message>
        <source>&amp;Correct entry…</source>
        <translation>更正记录(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Strike out entry…</source>
        <translation>划掉记录(&amp;S)…</translation>
    </message>
    <message>
        <source>Correct entry {slot}</source>
        <translation>更正第 {slot} 条记录</translation>
    </message>
    <message>
        <source>Entry {slot} corrected; what it said before is kept in its history.</source>
        <translation>第 {slot} 条记录已更正；原内容保留在其历史中。</translation>
    </message>
    <message>
        <source>Strike out entry {slot}</source>
        <translation>划掉第 {slot} 条记录</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Entry {slot} struck out.</source>
        <translation>第 {slot} 条记录已划掉。</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Potential</source>
        <translation>成长潜力</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>行业</translation>
    </message>
    <message>
        <source>Customer since</source>
        <translation>成为客户日期</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Collection rate: {rate}</source>
        <translation>回款率：{rate}</translation>
    </message>
    <message>
        <source>Card {seq}, entry {slot}</source>
        <translation>第 {seq} 张卡片第 {slot} 条记录</translation>
    </message>
    <message>
        <source>Card {old} is full and has been archived; card {new} is open for the next visits.</source>
        <translation>第 {old} 张档案卡已写满并归档；已为后续拜访启用第 {new} 张卡。</translation>
    </message>
    <message>
        <source>Entry {slot} saved on card {seq}.</source>
        <translation>已保存到第 {seq} 张卡的第 {slot} 栏。</translation>
    </message>
    <message>
        <source>Save card as PDF</source>
        <translation>将档案卡保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>The PDF could not be written: {reason}</source>
        <translation>无法写入 PDF：{reason}</translation>
    </message>
    <message>
        <source>Card saved as {path}</source>
        <translation>档案卡已保存为 {path}</translation>
    </message>
    <message>
        <source>Main contact</source>
        <translation>主要联系人</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Sold through a secondary outlet</source>
        <translation>通过二级网点销售</translation>
    </message>
    <message>
        <source>New order</source>
        <translation>新订单</translation>
    </message>
    <message>
        <source>New payment</source>
        <translation>新回款</translation>
    </message>
    <message>
        <source>installation, repair, maintenance …</source>
        <translation>安装、维修、保养…</translation>
    </message>
    <message>
        <source>New service job</source>
        <translation>新服务记录</translation>
    </message>
    <message>
        <source>New due date</source>
        <translation>新到期日</translation>
    </message>
    <message>
        <source>Surveyed on</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Score (1–{top})</source>
        <translation>得分（1–{top}）</translation>
    </message>
    <message>
        <source>Survey answer</source>
        <translation>满意度调查结果</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>The date of the last visit or phone call</source>
        <translation>最近一次拜访或电话的日期</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Customers</name>
    <message>
        <source>That customer no longer exists.</source>
        <translation>该客户已不存在。</translation>
    </message>
    <message>
        <source>There is no customer numbered {number}.</source>
        <translation>没有编号为 {number} 的客户。</translation>
    </message>
</context>
<context>
    <name>DamageBanner</name>
    <message>
        <source>This archive is damaged and open for reading only: nothing can be changed or added.</source>
        <translation>此档案已损坏，以只读方式打开：不能修改或添加任何内容。</translation>
    </message>
    <message>
        <source>Restore the latest &amp;good backup…</source>
        <translation>恢复最近一份完好的备份(&amp;G)…</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a TierDesk database (it is not an SQLite file).</source>
        <translation>{path} 不是 TierDesk 数据库（它不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} is not a TierDesk database (it holds other tables).</source>
        <translation>{path} 不是 TierDesk 数据库（其中是其他程序的数据表）。</translation>
    </message>
    <message>
        <source>{path} cannot be opened: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} holds TierDesk&apos;s tables but no schema version (its alembic_version row is gone), so TierDesk cannot tell which schema it has. It was left untouched: restore a backup of it.</source>
        <translation>{path} 中有 TierDesk 的数据表，但没有数据结构版本（其 alembic_version 行已丢失），TierDesk 无法判断它的数据结构。文件未作任何改动：请恢复它的备份。</translation>
    </message>
    <message>
        <source>There is no archive at {path}. To start a new one there: tierdesk new &quot;{path}&quot;.</source>
        <translation>{path} 处没有档案。要在那里新建档案，请运行：tierdesk new &quot;{path}&quot;。</translation>
    </message>
    <message>
        <source>{path} is empty: it holds no archive. To start a new one there: tierdesk new &quot;{path}&quot;.</source>
        <translation>{path} 是空文件，其中没有档案。要在那里新建档案，请运行：tierdesk new &quot;{path}&quot;。</translation>
    </message>
    <message>
        <source>{path} names a schema TierDesk does not know ({revision}) in its alembic_version row: another program has changed it, or it is not a TierDesk archive. It was left untouched.</source>
        <translation>{path} 的 alembic_version 行中记录的数据结构（{revision}）TierDesk 不认识：它可能被其他程序改动过，或者不是 TierDesk 档案。文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} was written by a newer TierDesk (schema {revision}); please update TierDesk to open it.</source>
        <translation>{path} 由更新版本的 TierDesk 写入（数据结构 {revision}），请先升级 TierDesk 再打开。</translation>
    </message>
    <message>
        <source>Only an archive kept in a file can be encrypted; a database server protects its own data.</source>
        <translation>只有保存在文件中的档案才能加密；数据库服务器会自行保护其数据。</translation>
    </message>
    <message>
        <source>Give the passphrase in TIERDESK_PASSPHRASE, or run the command at a terminal to be asked for it.</source>
        <translation>请在 TIERDESK_PASSPHRASE 中提供密码，或在终端中运行该命令，以便按提示输入密码。</translation>
    </message>
    <message>
        <source>The two passphrases differ; nothing was changed.</source>
        <translation>两次输入的密码不一致；没有做任何更改。</translation>
    </message>
    <message>
        <source>{path} is encrypted: it opens with its passphrase. For scripts, put it in TIERDESK_PASSPHRASE.</source>
        <translation>{path} 已加密：需要输入密码才能打开。在脚本中使用时，请把密码放在 TIERDESK_PASSPHRASE 中。</translation>
    </message>
    <message>
        <source>The passphrase does not open {path} (or the file is damaged): nothing was opened or changed.</source>
        <translation>该密码无法打开 {path}（或文件已损坏）：没有打开或更改任何内容。</translation>
    </message>
    <message>
        <source>This installation cannot read encrypted archives: the sqlcipher3 package is missing (pip install sqlcipher3).</source>
        <translation>此安装无法读取加密的档案：缺少 sqlcipher3 软件包（pip install sqlcipher3）。</translation>
    </message>
    <message>
        <source>{path} is damaged ({count} problems, the first: {detail}). It is open for reading only: nothing is written into it. Restore the latest good backup (tierdesk restore).</source>
        <translation>{path} 已损坏（{count} 处问题，第一处：{detail}）。已以只读方式打开：不会向其中写入任何内容。请恢复最近一份完好的备份（tierdesk restore）。</translation>
    </message>
    <message>
        <source>{path} is damaged ({detail}). It is open for reading only: nothing is written into it. Restore the latest good backup (tierdesk restore).</source>
        <translation>{path} 已损坏（{detail}）。已以只读方式打开：不会向其中写入任何内容。请恢复最近一份完好的备份（tierdesk restore）。</translation>
    </message>
    <message>
        <source>{path} is busy: another program is writing to it. Nothing was written; try again in a moment.</source>
        <translation>{path} 正忙：另一个程序正在写入。没有写入任何内容；请稍后再试。</translation>
    </message>
    <message>
        <source>There is no room left on the disk for {path}: nothing was written, and what was there is as it was. Free some space on that disk and try again.</source>
        <translation>{path} 所在的磁盘已没有剩余空间：没有写入任何内容，原有内容保持不变。请在该磁盘上腾出一些空间后重试。</translation>
    </message>
    <message>
        <source>{path} is read-only: nothing can be written to it. Make it writable, or copy it to a folder of your own, and try again.</source>
        <translation>{path} 是只读的：不能向其中写入任何内容。请将其设为可写，或复制到您自己的文件夹中，然后重试。</translation>
    </message>
    <message>
        <source>The folder {folder} cannot be written to, and TierDesk keeps two working files ({name}-wal and {name}-shm) beside the archive while it is open. Make the folder writable, or copy the archive to a folder of your own.</source>
        <translation>无法写入文件夹 {folder}，而 TierDesk 在档案打开期间要在档案旁边保存两个工作文件（{name}-wal 和 {name}-shm）。请将该文件夹设为可写，或把档案复制到您自己的文件夹中。</translation>
    </message>
    <message>
        <source>You have no permission to use {path}. Ask whoever looks after this computer, or copy it to a folder of your own.</source>
        <translation>您没有使用 {path} 的权限。请询问这台电脑的管理人员，或把它复制到您自己的文件夹中。</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}): nothing was written to it. Restore the latest backup, or check the archive to see what is wrong.</source>
        <translation>{path} 已损坏（{reason}）：没有向其中写入任何内容。请恢复最近的备份，或检查档案以查明问题所在。</translation>
    </message>
    <message>
        <source>{path} could not be read or written ({reason}): nothing was written. The disk, the USB stick or the network share may be failing.</source>
        <translation>无法读写 {path}（{reason}）：没有写入任何内容。磁盘、U 盘或网络共享可能出现了故障。</translation>
    </message>
    <message>
        <source>The database server {path} cannot be reached ({reason}). Check the network, and that the server is running.</source>
        <translation>无法连接数据库服务器 {path}（{reason}）。请检查网络，并确认服务器正在运行。</translation>
    </message>
    <message>
        <source>A new archive could not be made at {path} ({reason}); nothing was written.</source>
        <translation>无法在 {path} 新建档案（{reason}）；没有写入任何内容。</translation>
    </message>
    <message>
        <source>Upgrading {path} to this version of TierDesk failed ({reason}). The upgrade was rolled back: the archive is as it was, and a copy taken before the upgrade is at {backup}.</source>
        <translation>将 {path} 升级到此版本的 TierDesk 失败（{reason}）。升级已回滚：档案保持原样，升级前的副本保存在 {backup}。</translation>
    </message>
    <message>
        <source>A passphrase needs at least {count} characters.</source>
        <translation>密码至少需要 {count} 个字符。</translation>
    </message>
    <message>
        <source>{path} is encrypted already.</source>
        <translation>{path} 已经加密。</translation>
    </message>
    <message>
        <source>{path} is not encrypted.</source>
        <translation>{path} 未加密。</translation>
    </message>
    <message>
        <source>{path} could not be copied: {reason}. The archive was left as it was.</source>
        <translation>无法复制 {path}：{reason}。档案保持原样。</translation>
    </message>
    <message>
        <source>The new copy of {path} did not check out ({detail}); the archive was left as it was.</source>
        <translation>{path} 的新副本未通过检查（{detail}）；档案保持原样。</translation>
    </message>
    <message>
        <source>{path} is open in another program (TierDesk in another window?): close it there first. Nothing was changed.</source>
        <translation>{path} 正在另一个程序中打开（也许是另一个 TierDesk 窗口？）：请先在那里关闭。没有做任何更改。</translation>
    </message>
    <message>
        <source>There is no archive at {path}.</source>
        <translation>{path} 处没有档案。</translation>
    </message>
    <message>
        <source>Waiting for another program writing to this archive (it does not say what it is doing)…</source>
        <translation>正在等待另一个程序写完此档案（它没有说明在做什么）…</translation>
    </message>
    <message>
        <source>Waiting for another program writing to this archive: {source}, by {person} on {machine}, since {since}…</source>
        <translation>正在等待另一个程序写完此档案：{source}（{person} 在 {machine} 上），开始于 {since}…</translation>
    </message>
    <message>
        <source>Stopped waiting for the other program writing to {path}: nothing was written.</source>
        <translation>已停止等待另一个程序写完 {path}：没有写入任何内容。</translation>
    </message>
    <message>
        <source>Another program has been writing to {path} for {seconds} s and shows no sign of finishing: nothing was written. Try again when it is done.</source>
        <translation>另一个程序已向 {path} 写入了 {seconds} 秒，仍看不出何时结束：没有写入任何内容。请等它完成后再试。</translation>
    </message>
    <message>
        <source>{source}, by {person} on {machine}, has been writing to {path} since {since} and shows no sign of finishing: nothing was written. Try again when it is done.</source>
        <translation>{source}（{person} 在 {machine} 上）从 {since} 起一直在写入 {path}，仍看不出何时结束：没有写入任何内容。请等它完成后再试。</translation>
    </message>
</context>
<context>
    <name>Encryption</name>
    <message>
        <source>Kept on a database server, which protects its own data.</source>
        <translation>保存在数据库服务器上，由服务器保护其数据。</translation>
    </message>
    <message>
        <source>Encrypted: it opens with its passphrase.</source>
        <translation>已加密：须输入密码才能打开。</translation>
    </message>
    <message>
        <source>Not encrypted: whoever has this computer&apos;s disk can read it.</source>
        <translation>未加密：拿到这台电脑硬盘的人都能读取。</translation>
    </message>
    <message>
        <source>Decrypt…</source>
        <translation>解密…</translation>
    </message>
    <message>
        <source>Encrypt…</source>
        <translation>加密…</translation>
    </message>
    <message>
        <source>Decrypt the archive</source>
        <translation>解密档案</translation>
    </message>
    <message>
        <source>{name} will be kept as a plain file that whoever has this computer&apos;s disk can read, and so will its backups. Decrypt it?</source>
        <translation>{name} 将保存为普通文件，任何拿到这台电脑硬盘的人都能读取，它的备份也一样。确定解密吗？</translation>
    </message>
    <message>
        <source>Decrypting the archive…</source>
        <translation>正在解密档案…</translation>
    </message>
    <message>
        <source>The archive is a plain file again.</source>
        <translation>档案已恢复为未加密的文件。</translation>
    </message>
    <message>
        <source>Encrypting the archive…</source>
        <translation>正在加密档案…</translation>
    </message>
    <message>
        <source>The archive is encrypted: it opens with its passphrase.</source>
        <translation>档案已加密：须输入密码才能打开。</translation>
    </message>
</context>
<context>
    <name>EncryptionOutcome</name>
    <message numerus="yes">
        <source>%n backup(s) were encrypted too.</source>
        <translation>
            <numerusform>%n 个备份也已加密。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) were decrypted too.</source>
        <translation>
            <numerusform>%n 个备份也已解密。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>Next visit due</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>档案卡</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>栏号</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>洽谈内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Via outlet</source>
        <translation>经销渠道</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>回款方式</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Customer number</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Respond by</source>
        <translation>应答复时间</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Within 24 hours</source>
        <translation>24小时内答复</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>答复</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Satisfaction afterwards</source>
        <translation>处理后满意度</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Postponed to</source>
        <translation>改期至</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Complaint register</source>
        <translation>投诉登记簿</translation>
    </message>
    <message>
        <source>Call register</source>
        <translation>电话回访登记簿</translation>
    </message>
    <message>
        <source>Letter register</source>
        <translation>信函登记簿</translation>
    </message>
    <message>
        <source>{heading} (continued)</source>
        <translation>{heading}（续）</translation>
    </message>
    <message>
        <source>{heading} (continued {count})</source>
        <translation>{heading}（续{count}）</translation>
    </message>
    <message>
        <source>Sheet &quot;{sheet}&quot;, column &quot;{heading}&quot;: {texts:,} texts are longer than an Excel cell holds (32,767 characters); each goes on in the columns after it, headed &quot;(continued)&quot;, the longest over {cells} cells. Importing the workbook joins them again.</source>
        <translation>工作表“{sheet}”的“{heading}”列：有 {texts:,} 段文字超出了 Excel 单元格的容量（32,767 个字符）；每段都接着写在其后标题带“（续）”的列中，最长的一段占 {cells} 个单元格。导入该工作簿时会重新合并。</translation>
    </message>
    <message>
        <source>A text in the column &quot;{heading}&quot; of the sheet &quot;{sheet}&quot; is longer than a cell holds; nothing was written.</source>
        <translation>工作表“{sheet}”的“{heading}”列中有一段文字超出了单元格的容量；没有写入任何内容。</translation>
    </message>
</context>
<context>
    <name>FaultDialog</name>
    <message>
        <source>TierDesk: something went wrong</source>
        <translation>TierDesk：出现了错误</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>复制详细信息(&amp;C)</translation>
    </message>
    <message>
        <source>The details were written to {file}.</source>
        <translation>详细信息已写入 {file}。</translation>
    </message>
    <message>
        <source>The log folder could not be written; copy the details below.</source>
        <translation>无法写入日志文件夹；请复制下面的详细信息。</translation>
    </message>
    <message>
        <source>TierDesk met an error it did not expect: {error}. What you had saved is kept; the last action may not have been done.</source>
        <translation>TierDesk 遇到了意外错误：{error}。已保存的内容都还在；最后一步操作可能没有完成。</translation>
    </message>
</context>
<context>
    <name>FieldExchange</name>
    <message>
        <source>S&amp;ynchronise with the office…</source>
        <translation>与办公室同步(&amp;Y)…</translation>
    </message>
    <message>
        <source>&amp;Make a transfer file…</source>
        <translation>生成传输文件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Read a transfer file…</source>
        <translation>读入传输文件(&amp;R)…</translation>
    </message>
    <message>
        <source>New &amp;laptop archive…</source>
        <translation>新建笔记本档案(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>TierDesk transfer files (*.tdx);;All files (*)</source>
        <translation>TierDesk 传输文件 (*.tdx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>A laptop archive is made from the office&apos;s archive, not from a laptop&apos;s.</source>
        <translation>笔记本档案要从办公室的档案生成，不能从笔记本档案生成。</translation>
    </message>
    <message>
        <source>New laptop archive</source>
        <translation>新建笔记本档案</translation>
    </message>
    <message>
        <source>Whose territory goes on the laptop?</source>
        <translation>笔记本上放哪位业务员负责的客户？</translation>
    </message>
    <message>
        <source>TierDesk databases (*.sqlite)</source>
        <translation>TierDesk 数据库 (*.sqlite)</translation>
    </message>
    <message>
        <source>Making the laptop archive…</source>
        <translation>正在生成笔记本档案…</translation>
    </message>
    <message>
        <source>The laptop archive for {who} is in {path}: {customers}, {visits}. Copy it to the laptop and open it there.</source>
        <translation>{who} 的笔记本档案已写到 {path}：{customers}，{visits}。请复制到笔记本上并在那里打开。</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln 条拜访</numerusform>
        </translation>
    </message>
    <message>
        <source>No laptop was checked out of this office yet (File → New laptop archive…).</source>
        <translation>本办公室还没有领取过笔记本档案（文件 → 新建笔记本档案…）。</translation>
    </message>
    <message>
        <source>Make a transfer file</source>
        <translation>生成传输文件</translation>
    </message>
    <message>
        <source>For whose laptop?</source>
        <translation>给谁的笔记本？</translation>
    </message>
    <message>
        <source>Writing the transfer file…</source>
        <translation>正在写传输文件…</translation>
    </message>
    <message>
        <source>{path} holds {rows} changed rows for {who}. Carry it over and read it there (File → Read a transfer file…).</source>
        <translation>{path} 含有给 {who} 的 {rows} 条修改。请带过去并在那里读入（文件 → 读入传输文件…）。</translation>
    </message>
    <message>
        <source>Read a transfer file</source>
        <translation>读入传输文件</translation>
    </message>
    <message>
        <source>Applying the transfer file…</source>
        <translation>正在应用传输文件…</translation>
    </message>
    <message>
        <source>This is the office&apos;s archive: laptops synchronise with it. Use File → Make a transfer file… for a laptop that is away.</source>
        <translation>这是办公室的档案：笔记本与它同步。不在办公室的笔记本请用“文件 → 生成传输文件…”。</translation>
    </message>
    <message>
        <source>Synchronise with the office</source>
        <translation>与办公室同步</translation>
    </message>
    <message>
        <source>The office&apos;s archive (a postgresql:// address, or its file when this computer is at the office):</source>
        <translation>办公室的档案（postgresql:// 地址，或本机在办公室时的档案文件）：</translation>
    </message>
    <message>
        <source>Synchronising with the office…</source>
        <translation>正在与办公室同步…</translation>
    </message>
    <message>
        <source>Sent to the office: {sent}
Received: {got}</source>
        <translation>发往办公室：{sent}
收到：{got}</translation>
    </message>
    <message>
        <source>it was applied before; nothing changed.</source>
        <translation>此前已应用过，没有变化。</translation>
    </message>
    <message>
        <source>{new} new rows, {changed} changed, {conflicts} conflicts for the manager.</source>
        <translation>新增 {new} 条，修改 {changed} 条，{conflicts} 个冲突交经理处理。</translation>
    </message>
    <message>
        <source>Customer {old} is now {new}: the number was taken.</source>
        <translation>客户 {old} 改为 {new}：原编号已被占用。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) handed to another salesperson left this laptop.</source>
        <translation>
            <numerusform>%n 位已移交给其他业务员的客户已从这台笔记本移出。</numerusform>
        </translation>
    </message>
    <message>
        <source>Field exchange</source>
        <translation>外勤数据交换</translation>
    </message>
    <message>
        <source>It could not be done: {reason}</source>
        <translation>未能完成：{reason}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Excel (.xlsx .xls .xlsb .ods) or CSV in UTF-8 or GBK. Each sheet is recognised by its columns.</source>
        <translation>Excel（.xlsx .xls .xlsb .ods）或 UTF-8、GBK 编码的 CSV。每个工作表按其列名识别。</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>浏览(&amp;R)…</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Holds</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Column names on row</source>
        <translation>列名所在行</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv);;All files (*)</source>
        <translation>电子表格 (*.xlsx *.xlsm *.xlsb *.xls *.ods *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>正在读取 {name}…</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>无法读取该文件：{reason}</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <source>This follow-up no longer exists.</source>
        <translation>这项回访已不存在。</translation>
    </message>
    <message>
        <source>Call back after the sale of {date}</source>
        <translation>{date} 成交的售后回访</translation>
    </message>
    <message>
        <source>Call back after the sale of {date} through an outlet</source>
        <translation>{date} 经分销商成交的售后回访</translation>
    </message>
    <message>
        <source>Monthly callback after the sale of {date}</source>
        <translation>{date} 成交的月度回访</translation>
    </message>
    <message>
        <source>Yearly callback after the sale of {date}</source>
        <translation>{date} 成交的年度回访</translation>
    </message>
    <message>
        <source>Call back after the service job of {date} {what}</source>
        <translation>{date} 服务后的回访 {what}</translation>
    </message>
    <message>
        <source>Birthday greeting: {who}, {date}</source>
        <translation>生日问候：{who}，{date}</translation>
    </message>
    <message>
        <source>Holiday greeting: {what}, {date}</source>
        <translation>节日问候：{what}，{date}</translation>
    </message>
    <message>
        <source>Contract renewal due on {date} {what}</source>
        <translation>合同续签到期 {date} {what}</translation>
    </message>
    <message>
        <source>Maintenance due on {date} {what}</source>
        <translation>保养到期 {date} {what}</translation>
    </message>
    <message>
        <source>Inspection due on {date} {what}</source>
        <translation>检验到期 {date} {what}</translation>
    </message>
    <message>
        <source>Due on {date} {what}</source>
        <translation>到期 {date} {what}</translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message>
        <source>Hand over customers</source>
        <translation>移交客户</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n 个客户</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} has %n customer(s). Choose who receives them (shared evenly); cards and history stay with each customer.</source>
        <translation>
            <numerusform>{name} 名下有 %n 个客户。请选择接收的业务员（平均分配）；档案卡和历史记录随客户保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one salesperson.</source>
        <translation>请至少选择一名业务员。</translation>
    </message>
</context>
<context>
    <name>HolidaysTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>星期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>&amp;Add day…</source>
        <translation>添加日期(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>The year whose official holidays to load</source>
        <translation>要载入法定节假日的年份</translation>
    </message>
    <message>
        <source>Load &amp;official holidays</source>
        <translation>载入法定节假日(&amp;O)</translation>
    </message>
    <message>
        <source>Add the public holidays and the weekend days worked in exchange (调休) as the State Council published them; days already in the calendar are kept.</source>
        <translation>按国务院公布的安排加入法定节假日和调休上班的周末；日历中已有的日期保持不变。</translation>
    </message>
    <message>
        <source>Days off are not working days: visit quotas per working day leave them out. Before a greeted day, the customers of the greeted tiers get a greeting task. A weekend day worked counts as a working day.</source>
        <translation>休息日不算工作日：日均拜访指标不计这些天。问候的节日之前，问候等级的客户会得到一条问候任务。调休上班的周末算作工作日。</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息日</translation>
    </message>
    <message>
        <source>Day off, greeted</source>
        <translation>休息日（问候）</translation>
    </message>
    <message>
        <source>Weekend day worked</source>
        <translation>周末调休上班</translation>
    </message>
    <message>
        <source>{count} official days of {year} added; edit or remove any of them as the office needs.</source>
        <translation>已加入 {year} 年的 {count} 个法定日期；可按本部门需要修改或删除。</translation>
    </message>
    <message>
        <source>e.g. 春节</source>
        <translation>例如：春节</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Remove {day} {name} from the calendar?</source>
        <translation>从日历中删除 {day} {name}？</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The sheet &quot;{sheet}&quot; has no column for the customer name (such as 客户名称 or Customer).</source>
        <translation>工作表“{sheet}”中没有客户名称列（如“客户名称”或“Customer”）。</translation>
    </message>
    <message>
        <source>Unknown status &quot;{value}&quot;; use 潜在, 活跃, 休眠 or 流失.</source>
        <translation>未知的状态“{value}”；请使用 潜在、活跃、休眠 或 流失。</translation>
    </message>
    <message>
        <source>The customer name is empty.</source>
        <translation>客户名称为空。</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>未导入的原因</translation>
    </message>
    <message>
        <source>Unknown way of contact &quot;{value}&quot;; write 上门拜访, 电话, 微信, 邮件, 短信 or 信函.</source>
        <translation>无法识别的联系方式“{value}”；请填写 上门拜访、电话、微信、邮件、短信 或 信函。</translation>
    </message>
    <message>
        <source>There is no customer numbered {value}.</source>
        <translation>没有编号为 {value} 的客户。</translation>
    </message>
    <message>
        <source>Several customers are called {value}; give the number.</source>
        <translation>有多个客户名为 {value}；请填写客户编号。</translation>
    </message>
    <message>
        <source>There is no customer called {value}.</source>
        <translation>没有名为 {value} 的客户。</translation>
    </message>
    <message>
        <source>The row names no customer (number or name).</source>
        <translation>该行没有指明客户（编号或名称）。</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>拜访记录</translation>
    </message>
    <message>
        <source>orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Visit date</source>
        <translation>拜访日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>洽谈内容</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次拜访</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>订单日期</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Profit</source>
        <translation>利润</translation>
    </message>
    <message>
        <source>Via outlet</source>
        <translation>经销渠道</translation>
    </message>
    <message>
        <source>Payment date</source>
        <translation>回款日期</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>回款方式</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: {created} customers created, {updated} updated, {skipped} skipped; {visits} visits, {orders} orders, {payments} payments.</source>
        <translation>已导入：新建客户 {created} 个，更新 {updated} 个，跳过 {skipped} 个；拜访记录 {visits} 条，订单 {orders} 笔，回款 {payments} 笔。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>未导入任何数据：{reason}</translation>
    </message>
</context>
<context>
    <name>Kpi</name>
    <message>
        <source>New customers in the period ÷ the salesperson&apos;s customers at its start</source>
        <translation>期内新客户数 ÷ 期初业务员的客户数</translation>
    </message>
    <message>
        <source>The salesperson&apos;s customers ÷ all the office&apos;s customers</source>
        <translation>业务员的客户数 ÷ 全部门客户数</translation>
    </message>
    <message>
        <source>Customers who ordered twice or more in the period ÷ customers who ordered</source>
        <translation>期内下单两次及以上的客户 ÷ 下过单的客户</translation>
    </message>
    <message>
        <source>On-site visits made in the period ÷ its working days (so far)</source>
        <translation>期内上门拜访次数 ÷ 期内（已过的）工作日数</translation>
    </message>
    <message>
        <source>On-site visits made in the period ÷ the salesperson&apos;s customers</source>
        <translation>期内上门拜访次数 ÷ 业务员的客户数</translation>
    </message>
    <message>
        <source>Payments received in the period ÷ what was owed: receivables open at its start plus orders invoiced in it, of the salesperson&apos;s customers (above 100% only when customers paid in advance)</source>
        <translation>期内回款 ÷ 应收总额（期初未收款 + 期内开票订单），按业务员的客户计（仅当客户预付款时超过 100%）</translation>
    </message>
    <message>
        <source>Customers in the first tier</source>
        <translation>最高等级的客户数</translation>
    </message>
    <message>
        <source>Orders of the salesperson&apos;s customers in the period</source>
        <translation>业务员客户在期内的订单金额</translation>
    </message>
    <message>
        <source>Lost: deleted or marked lost, or buying under ¥{threshold} a month in each of the last {months} months.</source>
        <translation>流失：已删除或标为流失，或最近 {months} 个月每月购买额都低于 ¥{threshold}。</translation>
    </message>
    <message>
        <source>Development rate</source>
        <translation>客户开发率</translation>
    </message>
    <message>
        <source>Customer share</source>
        <translation>客户占有率</translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation>重复购买率</translation>
    </message>
    <message>
        <source>Visits per working day</source>
        <translation>日均拜访客户数</translation>
    </message>
    <message>
        <source>Visits per customer</source>
        <translation>客户平均拜访次数</translation>
    </message>
    <message>
        <source>Collection rate</source>
        <translation>回款率</translation>
    </message>
    <message>
        <source>First-tier customers</source>
        <translation>A 级客户数</translation>
    </message>
    <message>
        <source>Sales (¥)</source>
        <translation>销售额（¥）</translation>
    </message>
    <message>
        <source>The highest {top} and the lowest {bottom} of {count}</source>
        <translation>{count} 人中最高的 {top} 人和最低的 {bottom} 人</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Calls and follow-ups</source>
        <translation>电话与回访</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>{done} of {quota}</source>
        <translation>{done} / {quota}</translation>
    </message>
    <message>
        <source>Visits so far against the quota</source>
        <translation>已完成拜访与指标对比</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Quota</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Where the month is</source>
        <translation>按时间应完成</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>指标定义</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Visit</source>
        <translation>上门拜访</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在客户</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Investigating</source>
        <translation>调查中</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>答复时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>轻微</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>High</source>
        <translation>严重</translation>
    </message>
    <message>
        <source>After-sale callback</source>
        <translation>售后回访</translation>
    </message>
    <message>
        <source>Monthly callback</source>
        <translation>月度回访</translation>
    </message>
    <message>
        <source>Yearly callback</source>
        <translation>年度回访</translation>
    </message>
    <message>
        <source>After-service callback</source>
        <translation>服务后回访</translation>
    </message>
    <message>
        <source>Birthday greeting</source>
        <translation>生日问候</translation>
    </message>
    <message>
        <source>Holiday greeting</source>
        <translation>节日问候</translation>
    </message>
    <message>
        <source>Due-date reminder</source>
        <translation>到期提醒</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>已改期</translation>
    </message>
    <message>
        <source>Contract renewal</source>
        <translation>合同续签</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>保养</translation>
    </message>
    <message>
        <source>Inspection</source>
        <translation>检验</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>今日应办</translation>
    </message>
    <message>
        <source>Tier norms this week</source>
        <translation>本周等级规范要求</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Coming up (7 days)</source>
        <translation>未来7天</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>Struck out</source>
        <translation>划掉</translation>
    </message>
    <message>
        <source>Archived on</source>
        <translation>归档日期</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <source>Customer file</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Card entry</source>
        <translation>档案卡记录</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>档案卡</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>回款</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <source>Follow-up call</source>
        <translation>回访记录</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Satisfaction survey</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Service job</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Date to remember</source>
        <translation>纪念日</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>Demo office</source>
        <translation>示范数据</translation>
    </message>
    <message>
        <source>Import of {file}</source>
        <translation>导入 {file}</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Written with others</source>
        <translation>批量写入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Find by name, pinyin or initials, number, phone, contact  (Ctrl+F)</source>
        <translation>按名称、拼音或首字母、编号、电话、联系人查找（Ctrl+F）</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Reading the customer index…</source>
        <translation>正在读取客户索引…</translation>
    </message>
    <message>
        <source>Sorting…</source>
        <translation>正在排序…</translation>
    </message>
    <message>
        <source>The customer index could not be read: {reason}</source>
        <translation>无法读取客户索引：{reason}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>备份(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Import from Excel…</source>
        <translation>从 Excel 导入(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Export the list shown…</source>
        <translation>导出当前列表(&amp;E)…</translation>
    </message>
    <message>
        <source>Export e&amp;verything…</source>
        <translation>导出全部档案(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Log a call or visit</source>
        <translation>记录电话或拜访(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Edit details…</source>
        <translation>编辑资料(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print card to PDF…</source>
        <translation>打印档案卡为 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Delete customer…</source>
        <translation>删除客户(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>回收站(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Find customers</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>&amp;Tiers</source>
        <translation>等级(&amp;T)</translation>
    </message>
    <message>
        <source>Tier &amp;view and charts…</source>
        <translation>等级视图与图表(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Reassess tiers…</source>
        <translation>重新评级(&amp;R)…</translation>
    </message>
    <message>
        <source>Tier &amp;model and contact norms…</source>
        <translation>等级模型与联系规范(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Service</source>
        <translation>服务(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Today&apos;s list</source>
        <translation>今日清单(&amp;T)</translation>
    </message>
    <message>
        <source>New &amp;complaint for this customer…</source>
        <translation>为该客户登记投诉(&amp;C)…</translation>
    </message>
    <message>
        <source>Complaint &amp;register…</source>
        <translation>投诉登记簿(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Follow-ups, registers and satisfaction…</source>
        <translation>回访、登记簿与满意度(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Office</source>
        <translation>销售部(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Plan next month and visit quotas…</source>
        <translation>下月计划与拜访指标(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Team performance, KPIs and alerts…</source>
        <translation>团队业绩、KPI 与问题预警(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Settings, regions and salespeople…</source>
        <translation>设置、区域和业务员(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Who is at this computer…</source>
        <translation>这台电脑的使用人(&amp;W)…</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>&amp;About TierDesk…</source>
        <translation>关于 TierDesk(&amp;A)…</translation>
    </message>
    <message>
        <source>Changes made here are kept as made by {person}.</source>
        <translation>在这里所做的修改将记录为 {person} 所做。</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>全部区域</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>All salespeople</source>
        <translation>全部业务员</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>{shown} of {total} customers</source>
        <translation>显示 {shown} / 共 {total} 个客户</translation>
    </message>
    <message>
        <source>Delete customer</source>
        <translation>删除客户</translation>
    </message>
    <message>
        <source>Delete {number} {name}? The customer goes to the trash for {days} days (Customer → Trash…), where it can be restored with its cards and history; after that it is removed for good.</source>
        <translation>删除 {number} {name}？该客户将在回收站中保留 {days} 天（客户 → 回收站…），期间可连同档案卡和历史记录一起恢复；之后将被永久删除。</translation>
    </message>
    <message>
        <source>customers.xlsx</source>
        <translation>客户.xlsx</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The workbook could not be written: {reason}</source>
        <translation>无法写入工作簿：{reason}</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
    <message>
        <source>Unsaved entry</source>
        <translation>未保存的记录</translation>
    </message>
    <message>
        <source>The card entry you started is not saved. Discard it?</source>
        <translation>正在填写的档案卡记录尚未保存。要放弃吗？</translation>
    </message>
    <message>
        <source>The card entry you started is not saved. Save it before closing?</source>
        <translation>正在填写的档案卡记录尚未保存。关闭前要保存吗？</translation>
    </message>
</context>
<context>
    <name>Norms</name>
    <message>
        <source>1 call still due this month</source>
        <translation>本月还需电话 1 次</translation>
    </message>
    <message>
        <source>{count} calls still due this month</source>
        <translation>本月还需电话 {count} 次</translation>
    </message>
    <message>
        <source>1 call still due this quarter</source>
        <translation>本季度还需电话 1 次</translation>
    </message>
    <message>
        <source>{count} calls still due this quarter</source>
        <translation>本季度还需电话 {count} 次</translation>
    </message>
    <message>
        <source>1 visit still due this month</source>
        <translation>本月还需拜访 1 次</translation>
    </message>
    <message>
        <source>{count} visits still due this month</source>
        <translation>本月还需拜访 {count} 次</translation>
    </message>
    <message>
        <source>1 visit still due this quarter</source>
        <translation>本季度还需拜访 1 次</translation>
    </message>
    <message>
        <source>{count} visits still due this quarter</source>
        <translation>本季度还需拜访 {count} 次</translation>
    </message>
    <message>
        <source>call overdue by {days} days</source>
        <translation>电话已逾期 {days} 天</translation>
    </message>
    <message>
        <source>visit overdue by {days} days</source>
        <translation>拜访已逾期 {days} 天</translation>
    </message>
</context>
<context>
    <name>Numbering</name>
    <message>
        <source>This laptop has given every customer number the office set aside for it (up to {last}); exchange with the office to receive more.</source>
        <translation>这台笔记本已用完办公室为它预留的全部客户编号（到 {last} 为止）；请与办公室同步以获得新的编号。</translation>
    </message>
</context>
<context>
    <name>Office</name>
    <message>
        <source>There is no region with the code {code}.</source>
        <translation>没有代码为 {code} 的区域。</translation>
    </message>
    <message>
        <source>There is no salesperson with the code {code}.</source>
        <translation>没有代码为 {code} 的业务员。</translation>
    </message>
    <message>
        <source>Choose at least one other salesperson to receive the customers.</source>
        <translation>请至少选择一名其他业务员接收这些客户。</translation>
    </message>
    <message>
        <source>That salesperson no longer exists.</source>
        <translation>该业务员已不存在。</translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message>
        <source>Office settings</source>
        <translation>销售部设置</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>销售部</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Salespeople</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Holiday calendar</source>
        <translation>节假日日历</translation>
    </message>
    <message>
        <source>Follow-ups and surveys</source>
        <translation>回访与满意度调查</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>销售部名称</translation>
    </message>
    <message>
        <source>Entries per visit card</source>
        <translation>每张档案卡的记录栏数</translation>
    </message>
    <message>
        <source>A new size applies to cards opened from now on.</source>
        <translation>新的栏数只用于今后启用的档案卡。</translation>
    </message>
    <message>
        <source>Customer numbering rule</source>
        <translation>客户编号规则</translation>
    </message>
    <message>
        <source>Fields: {region} {tier} {year} {seq} or {seq:05}</source>
        <translation>可用字段：{region} {tier} {year} {seq} 或 {seq:05}</translation>
    </message>
    <message>
        <source>&amp;Save settings</source>
        <translation>保存设置(&amp;S)</translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>Example: {example}</source>
        <translation>示例：{example}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Code, e.g. HD</source>
        <translation>代码，如 HD</translation>
    </message>
    <message>
        <source>Name, e.g. 华东</source>
        <translation>名称，如 华东</translation>
    </message>
    <message>
        <source>Add region</source>
        <translation>添加区域</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>活跃</translation>
    </message>
    <message>
        <source>Number of customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Add salesperson</source>
        <translation>添加业务员</translation>
    </message>
    <message>
        <source>&amp;Hand over customers…</source>
        <translation>移交客户(&amp;H)…</translation>
    </message>
    <message>
        <source>Save salesperson</source>
        <translation>保存业务员</translation>
    </message>
    <message>
        <source>Hand over customers</source>
        <translation>移交客户</translation>
    </message>
    <message>
        <source>First choose the salesperson who is leaving.</source>
        <translation>请先选择要离职的业务员。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) of {name} were handed over to {receivers}; {name} is now inactive.</source>
        <translation>
            <numerusform>{name} 的 %n 个客户已移交给 {receivers}；{name} 已设为停用。</numerusform>
        </translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Encrypt the archive</source>
        <translation>加密档案</translation>
    </message>
    <message>
        <source>Encrypted archive</source>
        <translation>加密的档案</translation>
    </message>
    <message>
        <source>Choose the passphrase that will open {name}. Without it nobody, not even TierDesk, can read the archive or its backups: keep it safe.</source>
        <translation>请设定打开 {name} 的密码。没有这个密码，任何人（包括 TierDesk）都无法读取档案及其备份：请妥善保管。</translation>
    </message>
    <message>
        <source>{name} is encrypted. Its passphrase:</source>
        <translation>{name} 已加密。请输入密码：</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>The same again</source>
        <translation>再输入一次</translation>
    </message>
    <message>
        <source>Remember it in this computer&apos;s keyring</source>
        <translation>在这台电脑的密钥环中记住密码</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>PerformanceWindow</name>
    <message>
        <source>Customer at risk</source>
        <translation>客户有流失风险</translation>
    </message>
    <message>
        <source>Incomplete file</source>
        <translation>档案不完整</translation>
    </message>
    <message>
        <source>Visited far beyond the norm</source>
        <translation>拜访远超标准</translation>
    </message>
    <message>
        <source>Too few visits a day</source>
        <translation>日均拜访过少</translation>
    </message>
    <message>
        <source>Region with too little attention</source>
        <translation>区域关注不足</translation>
    </message>
    <message>
        <source>Region developing slowly</source>
        <translation>区域开发缓慢</translation>
    </message>
    <message>
        <source>Team performance</source>
        <translation>团队业绩</translation>
    </message>
    <message>
        <source>Month progress</source>
        <translation>本月进度</translation>
    </message>
    <message>
        <source>KPI scorecard</source>
        <translation>KPI 考核表</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>客户保持率</translation>
    </message>
    <message>
        <source>Problem alerts</source>
        <translation>问题预警</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Reading the month&apos;s progress</source>
        <translation>正在读取本月进度</translation>
    </message>
    <message>
        <source>Quotas: {plan}. {passed} of {days} working days passed.</source>
        <translation>指标：{plan}。{days} 个工作日已过 {passed} 个。</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>期间的结束早于开始。</translation>
    </message>
    <message>
        <source>Reading the scorecards</source>
        <translation>正在读取考核表</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>KPI {first} to {last}</source>
        <translation>KPI {first} 至 {last}</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Customers at the start</source>
        <translation>期初客户数</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>流失</translation>
    </message>
    <message>
        <source>What counts as lost</source>
        <translation>流失的判定</translation>
    </message>
    <message>
        <source>Buying under (¥ a month)</source>
        <translation>每月购买额低于（¥）</translation>
    </message>
    <message>
        <source>... for this many months</source>
        <translation>……连续月数</translation>
    </message>
    <message>
        <source>Retention = (1 − lost customers of the period&apos;s starting snapshot ÷ that snapshot) × 100%. The snapshot: the customers there when the period began.</source>
        <translation>客户保持率 =（1 − 期初客户中流失的客户数 ÷ 期初客户数）× 100%。期初客户：期间开始时已有的客户。</translation>
    </message>
    <message>
        <source>Reading the retention</source>
        <translation>正在计算客户保持率</translation>
    </message>
    <message>
        <source>Office: {rate} ({lost} lost of {snapshot}). {rule}</source>
        <translation>全部门：{rate}（{snapshot} 个中流失 {lost} 个）。{rule}</translation>
    </message>
    <message>
        <source>All problems</source>
        <translation>全部问题</translation>
    </message>
    <message>
        <source>Hide acknowledged</source>
        <translation>隐藏已确认</translation>
    </message>
    <message>
        <source>&amp;Acknowledge…</source>
        <translation>确认(&amp;A)…</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议措施</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>预警阈值</translation>
    </message>
    <message>
        <source>Weak region: customers overdue from</source>
        <translation>关注不足区域：逾期客户比例达到</translation>
    </message>
    <message>
        <source>Slow region: development under the office&apos;s rate ×</source>
        <translation>开发缓慢区域：开发率低于全部门的</translation>
    </message>
    <message>
        <source>At risk: contact gap past the norm by more than</source>
        <translation>流失风险：未联系超出标准</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Over-visited: first-tier visits over the norm ×</source>
        <translation>拜访过多：A 级客户拜访超过标准的倍数</translation>
    </message>
    <message>
        <source>Too few visits: under a working day</source>
        <translation>拜访过少：每工作日低于</translation>
    </message>
    <message>
        <source>Falling purchases</source>
        <translation>购买额下降</translation>
    </message>
    <message>
        <source>Purchases down by at least</source>
        <translation>购买额下降至少</translation>
    </message>
    <message>
        <source>... over the last months</source>
        <translation>……比较最近月数</translation>
    </message>
    <message>
        <source>Looking for problems</source>
        <translation>正在查找问题</translation>
    </message>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source> (the first {most} shown)</source>
        <translation>（显示前 {most} 个）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Note on “{who}”:</source>
        <translation>关于“{who}”的备注：</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Who is using TierDesk here?</source>
        <translation>谁在使用这台电脑上的 TierDesk？</translation>
    </message>
    <message>
        <source>Choose yourself among the salespeople, or type your name. Every change made on this computer ({machine}) is kept in the history with this name.</source>
        <translation>请在业务员中选择您自己，或输入您的姓名。在这台电脑（{machine}）上所做的每项修改都会以此姓名记入修改记录。</translation>
    </message>
</context>
<context>
    <name>Plan</name>
    <message>
        <source>{n} calls</source>
        <translation>电话 {n} 次</translation>
    </message>
    <message>
        <source>{n} visits</source>
        <translation>拜访 {n} 次</translation>
    </message>
    <message>
        <source>{n} follow-ups</source>
        <translation>回访 {n} 次</translation>
    </message>
    <message>
        <source>1 call</source>
        <translation>电话 1 次</translation>
    </message>
    <message>
        <source>1 visit</source>
        <translation>拜访 1 次</translation>
    </message>
    <message>
        <source>1 follow-up</source>
        <translation>回访 1 次</translation>
    </message>
    <message>
        <source>tier norm</source>
        <translation>等级标准</translation>
    </message>
    <message>
        <source>{kind} {day}</source>
        <translation>{kind} {day}</translation>
    </message>
    <message>
        <source>{count} × {kind} from {day}</source>
        <translation>{kind} {count} 次，最早 {day}</translation>
    </message>
    <message>
        <source>call overdue by {days} days</source>
        <translation>电话已逾期 {days} 天</translation>
    </message>
    <message>
        <source>visit overdue by {days} days</source>
        <translation>拜访已逾期 {days} 天</translation>
    </message>
    <message>
        <source>purchases down {drop}</source>
        <translation>购买额下降 {drop}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Revisit quota</source>
        <translation>回访任务</translation>
    </message>
    <message>
        <source>Visits per working day</source>
        <translation>日均拜访客户数</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户开发任务</translation>
    </message>
    <message>
        <source>Customer no.</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>What is due</source>
        <translation>任务内容</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>上次联系</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Visit plan for {month}</source>
        <translation>{month} 月度拜访计划</translation>
    </message>
    <message>
        <source>proposed, not kept yet</source>
        <translation>建议稿，尚未保存</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>published {at}</source>
        <translation>已于 {at} 发布</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>销售部</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>工作日</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>{total} ({calls} calls, {visits} visits, {follow_ups} follow-ups)</source>
        <translation>{total}（电话 {calls}，拜访 {visits}，回访 {follow_ups}）</translation>
    </message>
    <message>
        <source>{title} · {who} · continued</source>
        <translation>{title} · {who} · 续</translation>
    </message>
    <message>
        <source>{code} · page {page} of {pages}</source>
        <translation>{code} · 第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>… and {count} more task lines: see the workbook export of this plan.</source>
        <translation>……另有 {count} 行任务：见本计划导出的 Excel 工作簿。</translation>
    </message>
    <message>
        <source>Salesperson&apos;s signature</source>
        <translation>业务员签字</translation>
    </message>
    <message>
        <source>Manager&apos;s signature</source>
        <translation>经理签字</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>PlanWindow</name>
    <message>
        <source>Month plan and visit quotas</source>
        <translation>月度计划与拜访指标</translation>
    </message>
    <message>
        <source>The office&apos;s new-customer target for the month, split by region and headcount</source>
        <translation>本月全部门的新客户开发目标，按区域和人数分配</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分配</translation>
    </message>
    <message>
        <source>&amp;Targets by region…</source>
        <translation>按区域设定目标(&amp;T)…</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>New customers (office)</source>
        <translation>新客户（全部门）</translation>
    </message>
    <message>
        <source>&amp;Save draft</source>
        <translation>保存草稿(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Publish…</source>
        <translation>发布(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Whole team</source>
        <translation>全队(&amp;W)</translation>
    </message>
    <message>
        <source>Print every salesperson&apos;s sheet, each on a new page; otherwise the chosen salesperson&apos;s only</source>
        <translation>打印每个业务员的任务单，各自另起一页；不选则只打印选中的业务员</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>另存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出到 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Revisit quota: the calls and visits the tier norms of each salesperson&apos;s customers ask for in the month, plus follow-ups due by its end; customers whose purchases fall get a visit. Double-click a figure to adjust it; adjusted figures are shaded.</source>
        <translation>回访任务：业务员名下客户的等级标准在本月要求的电话和拜访，加上月底前到期的回访；购买额下降的客户加一次拜访。双击数字可以调整；调整过的数字有底色。</translation>
    </message>
    <message>
        <source>Planning {month}…</source>
        <translation>正在计划 {month}……</translation>
    </message>
    <message>
        <source>Planning the month</source>
        <translation>正在计划本月</translation>
    </message>
    <message>
        <source>{days} working days</source>
        <translation>{days} 个工作日</translation>
    </message>
    <message>
        <source>Published plans are frozen: this is the plan as it was handed out.</source>
        <translation>已发布的计划不能再改：这是下发时的计划。</translation>
    </message>
    <message>
        <source>Proposed: {value}</source>
        <translation>建议值：{value}</translation>
    </message>
    <message>
        <source>New customers a month (office)</source>
        <translation>每月新客户（全部门）</translation>
    </message>
    <message>
        <source>blank: so many a salesperson</source>
        <translation>留空：按每个业务员的数量</translation>
    </message>
    <message>
        <source>… or a salesperson</source>
        <translation>……或每个业务员</translation>
    </message>
    <message>
        <source>blank: by headcount</source>
        <translation>留空：按人数分配</translation>
    </message>
    <message>
        <source>New-customer targets</source>
        <translation>新客户开发目标</translation>
    </message>
    <message>
        <source>The plan was published.</source>
        <translation>计划已发布。</translation>
    </message>
    <message>
        <source>The draft was saved.</source>
        <translation>草稿已保存。</translation>
    </message>
    <message>
        <source>Publish the plan</source>
        <translation>发布计划</translation>
    </message>
    <message>
        <source>Publish the plan for {month}? A published plan is frozen: its quotas and task lists can no longer change.</source>
        <translation>发布 {month} 的计划？发布后指标和任务清单都不能再改。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message numerus="yes">
        <source>Task list of {name} ({code}): %n customer(s)</source>
        <translation>
            <numerusform>{name}（{code}）的任务清单：%n 个客户</numerusform>
        </translation>
    </message>
    <message>
        <source>The change could not be kept in the draft: {reason}</source>
        <translation>此项修改未能存入草稿：{reason}</translation>
    </message>
    <message>
        <source>Changed; kept in the draft.</source>
        <translation>已修改，并已存入草稿。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Keep your changes to the plan for {month} as a draft?</source>
        <translation>把对 {month} 计划的修改保存为草稿吗？</translation>
    </message>
</context>
<context>
    <name>PurgeNotice</name>
    <message numerus="yes">
        <source>%n customer(s) deleted more than {days} days ago removed for good.</source>
        <translation>
            <numerusform>已永久删除 %n 个删除超过 {days} 天的客户。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassessDialog</name>
    <message>
        <source>Reassess tiers</source>
        <translation>重新评级</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>计算(&amp;C)</translation>
    </message>
    <message>
        <source>Period (month or quarter):</source>
        <translation>期间（月或季度）：</translation>
    </message>
    <message>
        <source>Choose the period and press Compute. Nothing is changed until you apply.</source>
        <translation>选择期间后点击“计算”。在应用之前不会做任何更改。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>客户占比</translation>
    </message>
    <message>
        <source>Share of sales</source>
        <translation>销售占比</translation>
    </message>
    <message>
        <source>Changed tiers</source>
        <translation>等级有变化的</translation>
    </message>
    <message>
        <source>Upgrades</source>
        <translation>升级</translation>
    </message>
    <message>
        <source>Downgrades</source>
        <translation>降级</translation>
    </message>
    <message>
        <source>New grades</source>
        <translation>首次评级</translation>
    </message>
    <message>
        <source>Every customer</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <source>Set tier by &amp;hand…</source>
        <translation>人工设定等级(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Computing tiers…</source>
        <translation>正在计算等级…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) graded for {period} (sales of the twelve months to {day}): {up} up, {down} down, {new} graded for the first time, {same} unchanged, {kept} kept as set by hand.</source>
        <translation>
            <numerusform>{period} 共评级 %Ln 个客户（截至 {day} 的近十二个月销售）：升级 {up}，降级 {down}，首次评级 {new}，不变 {same}，保留人工设定 {kept}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply the tiers for {period}? %Ln customer(s) change tier; every customer&apos;s grade is kept in the tier history.</source>
        <translation>
            <numerusform>应用 {period} 的评级结果？%Ln 个客户等级将变化；每个客户的评级都记入等级历史。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tiers applied: %Ln customer(s) changed tier.</source>
        <translation>
            <numerusform>等级已应用：%Ln 个客户等级发生变化。</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a customer in the list first.</source>
        <translation>请先在列表中选择一个客户。</translation>
    </message>
    <message>
        <source>Tier for {name}:</source>
        <translation>{name} 的等级：</translation>
    </message>
    <message>
        <source>Why is the tier set by hand? (kept in the tier history)</source>
        <translation>人工设定等级的原因？（记入等级历史）</translation>
    </message>
    <message>
        <source>Applying tiers…</source>
        <translation>正在应用等级…</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>What the import will do</source>
        <translation>导入结果预览</translation>
    </message>
    <message>
        <source>Nothing has been written yet. Rows that cannot be imported are listed with the reason.</source>
        <translation>目前尚未写入任何数据。无法导入的行已列出，并注明原因。</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Why it cannot be imported</source>
        <translation>无法导入的原因</translation>
    </message>
    <message>
        <source>Save refused rows to fix…</source>
        <translation>保存未导入的行以便修改…</translation>
    </message>
    <message>
        <source>Customers already in the archive:</source>
        <translation>档案中已有的客户：</translation>
    </message>
    <message>
        <source>update them</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>add them again</source>
        <translation>再新建一份</translation>
    </message>
    <message>
        <source>Checking the rows…</source>
        <translation>正在检查各行…</translation>
    </message>
    <message>
        <source>The rows cannot be checked: {reason}</source>
        <translation>无法检查各行：{reason}</translation>
    </message>
    <message>
        <source>{sheet}: {new} new customers, {matching} already in the archive, {merged} typed twice in the file, {refused} refused.</source>
        <translation>{sheet}：新客户 {new} 个，档案中已有 {matching} 个，文件内重复 {merged} 个，无法导入 {refused} 个。</translation>
    </message>
    <message>
        <source>Regions and salespeople to add: {names}</source>
        <translation>将新增的区域和业务员：{names}</translation>
    </message>
    <message>
        <source>{sheet}: {new} {kind} to add, {there} already in the archive, {refused} refused.</source>
        <translation>{sheet}：将新增{kind} {new} 条，档案中已有 {there} 条，无法导入 {refused} 条。</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The workbook could not be written: {reason}</source>
        <translation>无法写入工作簿：{reason}</translation>
    </message>
</context>
<context>
    <name>ServiceSettingsTab</name>
    <message>
        <source>Follow-up rules</source>
        <translation>回访规则</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Callback after a sale, on day</source>
        <translation>售后回访，在第几天</translation>
    </message>
    <message>
        <source>Callback after a sale through a secondary outlet, on day</source>
        <translation>经二级网点销售的售后回访，在第几天</translation>
    </message>
    <message>
        <source>Monthly callback after a sale</source>
        <translation>售后月度回访</translation>
    </message>
    <message>
        <source>Yearly callback after a sale</source>
        <translation>售后年度回访</translation>
    </message>
    <message>
        <source>Callback after a service job, from day</source>
        <translation>服务后回访，从第几天</translation>
    </message>
    <message>
        <source>... until day</source>
        <translation>……到第几天</translation>
    </message>
    <message>
        <source>Greetings from (days before)</source>
        <translation>问候，从提前几天</translation>
    </message>
    <message>
        <source>... until (days before)</source>
        <translation>……到提前几天</translation>
    </message>
    <message>
        <source>Tiers greeted before holidays</source>
        <translation>节日前问候的等级</translation>
    </message>
    <message>
        <source>Reminder before a customer&apos;s due date</source>
        <translation>客户到期日前提醒</translation>
    </message>
    <message>
        <source>Make no task whose window ended more than</source>
        <translation>时间窗结束超过此天数的任务不生成</translation>
    </message>
    <message>
        <source> days ago</source>
        <translation> 天前</translation>
    </message>
    <message>
        <source>Rules apply to the tasks planned from now on; tasks already planned keep their dates.</source>
        <translation>规则只用于今后生成的任务；已生成的任务保持原日期。</translation>
    </message>
    <message>
        <source>Satisfaction surveys</source>
        <translation>满意度调查</translation>
    </message>
    <message>
        <source>Scores run from 1 to</source>
        <translation>评分范围 1 到</translation>
    </message>
    <message>
        <source>Satisfied from score</source>
        <translation>满意的最低分</translation>
    </message>
    <message>
        <source>Flag a customer whose latest score is at most</source>
        <translation>最近评分不高于此分的客户要标出</translation>
    </message>
    <message>
        <source>Satisfaction target</source>
        <translation>满意度目标</translation>
    </message>
</context>
<context>
    <name>ServiceWindow</name>
    <message>
        <source>Follow-ups and satisfaction</source>
        <translation>回访与满意度</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应办日期</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访事项</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Schedule (30 days)</source>
        <translation>回访日程（30天）</translation>
    </message>
    <message>
        <source>Call register</source>
        <translation>电话回访登记簿</translation>
    </message>
    <message>
        <source>Letter register</source>
        <translation>信函登记簿</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Surveyed</source>
        <translation>调查日期</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>意见</translation>
    </message>
    <message>
        <source>Customers whose latest answer scored low:</source>
        <translation>最近一次调查得分偏低的客户：</translation>
    </message>
    <message>
        <source>No survey answers in the last 12 months (target {target}).</source>
        <translation>近12个月没有调查结果（目标 {target}）。</translation>
    </message>
    <message>
        <source>Satisfaction {rate} over {answers} answers in the last 12 months: on target ({target}).</source>
        <translation>近12个月 {answers} 份答卷，满意率 {rate}：达到目标（{target}）。</translation>
    </message>
    <message>
        <source>Satisfaction {rate} over {answers} answers in the last 12 months: below the target of {target}.</source>
        <translation>近12个月 {answers} 份答卷，满意率 {rate}：低于目标 {target}。</translation>
    </message>
    <message>
        <source>After a complaint: {resolution}</source>
        <translation>投诉处理后：{resolution}</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>register.xlsx</source>
        <translation>登记簿.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The workbook could not be written: {reason}</source>
        <translation>无法写入工作簿：{reason}</translation>
    </message>
</context>
<context>
    <name>SettingsBlock</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>Say whose laptop the file is for (the salesperson&apos;s code).</source>
        <translation>请说明传输文件是给哪位业务员的笔记本（业务员编码）。</translation>
    </message>
    <message>
        <source>No laptop was checked out for {code}.</source>
        <translation>尚未为 {code} 领取过笔记本档案。</translation>
    </message>
    <message>
        <source>There is no transfer file at {path}.</source>
        <translation>{path} 处没有传输文件。</translation>
    </message>
    <message>
        <source>{path} is not a TierDesk transfer file, or it is damaged.</source>
        <translation>{path} 不是 TierDesk 传输文件，或文件已损坏。</translation>
    </message>
    <message>
        <source>{path} was altered or cut short after it was written; nothing was applied. Make the transfer file again.</source>
        <translation>{path} 写出后被改动或截断，未应用任何内容。请重新生成传输文件。</translation>
    </message>
    <message>
        <source>{path} holds other rows than its manifest says; nothing was applied.</source>
        <translation>{path} 中的记录与其清单不符，未应用任何内容。</translation>
    </message>
    <message>
        <source>{path} exists already; choose a new file for the laptop&apos;s archive.</source>
        <translation>{path} 已存在；请为笔记本档案另选一个新文件。</translation>
    </message>
    <message>
        <source>There is no salesperson with the code {code}.</source>
        <translation>没有编码为 {code} 的业务员。</translation>
    </message>
    <message>
        <source>This archive is not a laptop&apos;s: synchronise from the laptop.</source>
        <translation>此档案不是笔记本档案：请在笔记本上同步。</translation>
    </message>
    <message>
        <source>The laptop and this office do not know each other: the laptop was checked out of another office.</source>
        <translation>这台笔记本与本办公室互不相识：它是从另一个办公室领取的。</translation>
    </message>
    <message>
        <source>There is no open conflict {id}.</source>
        <translation>没有待处理的冲突 {id}。</translation>
    </message>
    <message>
        <source>Say which value to keep: the office&apos;s, the incoming one, or a value.</source>
        <translation>请说明保留哪个值：办公室的、传入的，或输入一个值。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a value {field} can hold.</source>
        <translation>“{value}”不是 {field} 可以保存的值。</translation>
    </message>
    <message>
        <source>The transfer file was written by a TierDesk with schema {theirs}; this archive has schema {ours}. Update both to the same version first.</source>
        <translation>传输文件由数据结构版本 {theirs} 的 TierDesk 写出；本档案的版本是 {ours}。请先把两边升级到同一版本。</translation>
    </message>
    <message>
        <source>The transfer file is for another archive; nothing was applied.</source>
        <translation>传输文件是给另一个档案的，未应用任何内容。</translation>
    </message>
    <message>
        <source>The transfer file holds changes outside the territory of {name} ({table}); nothing was applied.</source>
        <translation>传输文件含有 {name} 负责范围以外的修改（{table}），未应用任何内容。</translation>
    </message>
    <message>
        <source>After applying, {table} holds {present} of the {wanted} rows the transfer file brought; nothing was applied.</source>
        <translation>应用后 {table} 只有传输文件带来的 {wanted} 条记录中的 {present} 条，未应用任何内容。</translation>
    </message>
    <message>
        <source>This archive does not know the archive that wrote the file: it was not checked out of this office, or it belongs to another office.</source>
        <translation>本档案不认识写出该文件的档案：它不是从本办公室领取的，或属于另一个办公室。</translation>
    </message>
    <message>
        <source>Laptop logins are for an office kept in PostgreSQL; a laptop exchanges with an office file by transfer file or with the file itself.</source>
        <translation>笔记本登录账号只用于存放在 PostgreSQL 中的办公室档案；办公室档案是文件时，笔记本通过传输文件或直接用该文件交换数据。</translation>
    </message>
    <message>
        <source>&quot;{role}&quot; cannot name a login: use lower-case letters, digits and _ (at most 63), starting with a letter.</source>
        <translation>“{role}”不能作为登录名：请使用小写字母、数字和 _（最多 63 个），并以字母开头。</translation>
    </message>
    <message>
        <source>This laptop has no transfer key from its office yet, so it cannot write an encrypted transfer file. Apply a transfer file from the office first (or synchronise once), then make this one again.</source>
        <translation>这台笔记本还没有收到办公室的传输密钥，因此无法写出加密的传输文件。请先应用一个来自办公室的传输文件（或同步一次），然后重新生成此传输文件。</translation>
    </message>
    <message>
        <source>{path} is an encrypted transfer file, and this archive holds no transfer key to read it (a laptop receives its office&apos;s key when it is checked out, or with the office&apos;s next transfer file).</source>
        <translation>{path} 是加密的传输文件，而本档案中没有可以读取它的传输密钥（笔记本在领取时，或通过办公室的下一个传输文件，会收到办公室的密钥）。</translation>
    </message>
    <message>
        <source>{path} is an encrypted transfer file of another office (or it is damaged): nothing was applied.</source>
        <translation>{path} 是另一个办公室的加密传输文件（或文件已损坏），未应用任何内容。</translation>
    </message>
</context>
<context>
    <name>TierSettingsDialog</name>
    <message>
        <source>Tier model</source>
        <translation>等级模型</translation>
    </message>
    <message>
        <source>Share of customers per tier</source>
        <translation>按各等级客户占比</translation>
    </message>
    <message>
        <source>Score thresholds</source>
        <translation>按分数线</translation>
    </message>
    <message>
        <source>Annual sales</source>
        <translation>年销售额</translation>
    </message>
    <message>
        <source>Profit contribution</source>
        <translation>利润贡献</translation>
    </message>
    <message>
        <source>Loyalty (years, purchase frequency)</source>
        <translation>忠诚度（合作年限、购买频率）</translation>
    </message>
    <message>
        <source>Growth potential (1-5 on the file)</source>
        <translation>成长潜力（档案中的 1-5 评分）</translation>
    </message>
    <message>
        <source>Tiers from scores by</source>
        <translation>由分数划分等级的方式</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Share of customers %</source>
        <translation>客户占比 %</translation>
    </message>
    <message>
        <source>Lowest score</source>
        <translation>最低分</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>per</source>
        <translation>每</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>Add a tier</source>
        <translation>增加等级</translation>
    </message>
    <message>
        <source>Remove the last tier</source>
        <translation>删除最后一个等级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>客户占比</translation>
    </message>
    <message>
        <source>Share of sales</source>
        <translation>销售占比</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview&lt;/b&gt; (this quarter, every customer)</source>
        <translation>&lt;b&gt;预览&lt;/b&gt;（本季度，全部客户）</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Correct the settings marked in red to see the preview.</source>
        <translation>请先改正红色标出的设置，再查看预览。</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s), as of {day}</source>
        <translation>
            <numerusform>%Ln 个客户，截至 {day}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierView</name>
    <message>
        <source>Tier view</source>
        <translation>等级视图</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Share of customers</source>
        <translation>客户占比</translation>
    </message>
    <message>
        <source>Sales, 12 months</source>
        <translation>近12个月销售额</translation>
    </message>
    <message>
        <source>Share of sales</source>
        <translation>销售占比</translation>
    </message>
    <message>
        <source>Norm met last period</source>
        <translation>上期达标</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Calls due</source>
        <translation>待打电话</translation>
    </message>
    <message>
        <source>Visits due</source>
        <translation>待拜访</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>上次电话</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次拜访</translation>
    </message>
    <message>
        <source>What the norm asks</source>
        <translation>规范要求</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>By region</source>
        <translation>按区域</translation>
    </message>
    <message>
        <source>By salesperson</source>
        <translation>按业务员</translation>
    </message>
    <message>
        <source>Overdue customers</source>
        <translation>逾期客户</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Reading the archive…</source>
        <translation>正在读取档案…</translation>
    </message>
    <message>
        <source>Save as &amp;PNG…</source>
        <translation>保存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>保存为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>No font with Chinese characters was found on this computer, so Chinese names in the charts show as boxes. Installing one (for example WenQuanYi Micro Hei or Noto Sans CJK) fixes this.</source>
        <translation>本机没有找到中文字体，图表中的中文会显示为方框。安装一种中文字体（例如文泉驿微米黑或 Noto Sans CJK）即可解决。</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未评级</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) as of {day}; {overdue} overdue on their contact norm.</source>
        <translation>
            <numerusform>截至 {day} 共 %Ln 个客户；{overdue} 个客户联系逾期。</numerusform>
        </translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The chart could not be saved: {reason}</source>
        <translation>图表无法保存：{reason}</translation>
    </message>
</context>
<context>
    <name>Today</name>
    <message>
        <source>New complaint: {description}</source>
        <translation>新投诉：{description}</translation>
    </message>
    <message>
        <source>Complaint being investigated: {description}</source>
        <translation>投诉调查中：{description}</translation>
    </message>
    <message>
        <source>Complaint answered, to close: {description}</source>
        <translation>投诉已答复，待结案：{description}</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}小时{minutes}分</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes}分钟</translation>
    </message>
    <message>
        <source>{span} left</source>
        <translation>剩余{span}</translation>
    </message>
    <message>
        <source>overdue by {span}</source>
        <translation>已超时{span}</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>&amp;Log it and mark done…</source>
        <translation>记录并标为完成(&amp;L)…</translation>
    </message>
    <message>
        <source>Write the call or visit on the card (Ctrl+D)</source>
        <translation>把这次电话或拜访记到卡片上（Ctrl+D）</translation>
    </message>
    <message>
        <source>&amp;Postpone…</source>
        <translation>改期(&amp;P)…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Whose day:</source>
        <translation>谁的清单：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全体</translation>
    </message>
    <message>
        <source>Reading today&apos;s list…</source>
        <translation>正在读取今日清单…</translation>
    </message>
    <message>
        <source>Today&apos;s list could not be read: {reason}</source>
        <translation>无法读取今日清单：{reason}</translation>
    </message>
    <message>
        <source>{day}: {due} to do today, {overdue} overdue, {coming} coming up</source>
        <translation>{day}：今日待办 {due} 项，其中逾期 {overdue} 项；未来7天 {coming} 项</translation>
    </message>
    <message>
        <source>Today: {due} to do, {overdue} of them overdue.</source>
        <translation>今日：待办 {due} 项，其中逾期 {overdue} 项。</translation>
    </message>
    <message>
        <source>(no answer ×{count})</source>
        <translation>（无人接听 ×{count}）</translation>
    </message>
    <message>
        <source>No ans&amp;wer</source>
        <translation>无人接听(&amp;W)</translation>
    </message>
    <message>
        <source>Open the compla&amp;int…</source>
        <translation>打开投诉(&amp;I)…</translation>
    </message>
    <message>
        <source>Log a call or visit: {customer}</source>
        <translation>记录电话或拜访：{customer}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>目的</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Written on the card of {customer}.</source>
        <translation>已记到 {customer} 的卡片上。</translation>
    </message>
    <message>
        <source>No answer noted; the call is on tomorrow&apos;s list.</source>
        <translation>已记为无人接听，明天的清单里会再次出现。</translation>
    </message>
    <message>
        <source>Postpone</source>
        <translation>改期</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>新日期</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
</context>
<context>
    <name>Trash</name>
    <message>
        <source>Customer {number} is not in the trash: it is in the customer list.</source>
        <translation>客户 {number} 不在回收站中：它在客户列表里。</translation>
    </message>
    <message>
        <source>Customer {number} was deleted more than {days} days ago: it has left the trash and cannot be restored.</source>
        <translation>客户 {number} 已删除超过 {days} 天：它已移出回收站，无法恢复。</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>A deleted customer stays here for {days} days with its cards, visits and orders, and can be restored; after that it is removed for good.</source>
        <translation>已删除的客户会连同其档案卡、拜访记录和订单在这里保留 {days} 天，期间可以恢复；之后将被永久删除。</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>业务员</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>删除人</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>档案卡数</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>拜访次数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Removed for good after</source>
        <translation>保留至</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <source>Put the customer back in the customer list with everything it held.</source>
        <translation>把该客户连同其全部资料放回客户列表。</translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) in the trash.</source>
        <translation>
            <numerusform>回收站中有 %n 个客户。</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>回收站是空的。</translation>
    </message>
    <message>
        <source>{number} {name} is back in the customer list.</source>
        <translation>{number} {name} 已回到客户列表。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>This field is required.</source>
        <translation>此项必填。</translation>
    </message>
    <message>
        <source>Unknown channel &quot;{value}&quot;.</source>
        <translation>未知的联系方式“{value}”。</translation>
    </message>
    <message>
        <source>Write what the contact was about (purpose or summary).</source>
        <translation>请填写本次联系的内容（目的或洽谈内容）。</translation>
    </message>
    <message>
        <source>This entry is struck out; it cannot be changed.</source>
        <translation>此记录已划掉，不能再修改。</translation>
    </message>
    <message>
        <source>Unknown severity &quot;{value}&quot;.</source>
        <translation>未知的严重程度“{value}”。</translation>
    </message>
    <message>
        <source>A complaint cannot be received in the future.</source>
        <translation>投诉的接收时间不能在将来。</translation>
    </message>
    <message>
        <source>No such salesperson.</source>
        <translation>没有这个业务员。</translation>
    </message>
    <message>
        <source>Unknown status &quot;{value}&quot;.</source>
        <translation>未知的状态“{value}”。</translation>
    </message>
    <message>
        <source>A complaint that is {current} cannot go back to {wanted}.</source>
        <translation>投诉已处于{current}，不能退回到{wanted}。</translation>
    </message>
    <message>
        <source>This is before the complaint was received.</source>
        <translation>这早于投诉的接收时间。</translation>
    </message>
    <message>
        <source>Write the answer given to the customer.</source>
        <translation>请填写给客户的答复。</translation>
    </message>
    <message>
        <source>Write the resolution.</source>
        <translation>请填写处理结果。</translation>
    </message>
    <message>
        <source>Unknown tier &quot;{value}&quot;; the office&apos;s tiers are {tiers}.</source>
        <translation>未知的等级“{value}”；本部门的等级为 {tiers}。</translation>
    </message>
    <message>
        <source>That region does not exist.</source>
        <translation>该区域不存在。</translation>
    </message>
    <message>
        <source>That salesperson does not exist.</source>
        <translation>该业务员不存在。</translation>
    </message>
    <message>
        <source>The customer number {value} is already used.</source>
        <translation>客户编号 {value} 已被使用。</translation>
    </message>
    <message>
        <source>The numbering rule has an unmatched brace: &quot;{value}&quot;.</source>
        <translation>编号规则中的花括号不成对：“{value}”。</translation>
    </message>
    <message>
        <source>Unknown field {{{name}}} in the numbering rule; use region, tier, year, seq.</source>
        <translation>编号规则中有未知字段 {{{name}}}；可用 region、tier、year、seq。</translation>
    </message>
    <message>
        <source>The numbering rule needs {{seq}} so that numbers are unique.</source>
        <translation>编号规则必须包含 {{seq}}，编号才不会重复。</translation>
    </message>
    <message>
        <source>Write the sequence as {{seq}} or {{seq:05}}.</source>
        <translation>序号请写作 {{seq}} 或 {{seq:05}}。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>代码 {code} 已被使用。</translation>
    </message>
    <message>
        <source>Not an amount: &quot;{value}&quot;.</source>
        <translation>不是有效金额：“{value}”。</translation>
    </message>
    <message>
        <source>A mobile number has only digits: &quot;{value}&quot;.</source>
        <translation>手机号码只能包含数字：“{value}”。</translation>
    </message>
    <message>
        <source>A mobile number has 11 digits starting with 1: &quot;{value}&quot;.</source>
        <translation>手机号码应为以 1 开头的 11 位数字：“{value}”。</translation>
    </message>
    <message>
        <source>A landline needs its area code, e.g. 0571-87654321: &quot;{value}&quot;.</source>
        <translation>固定电话需要带区号，如 0571-87654321：“{value}”。</translation>
    </message>
    <message>
        <source>There is no such date: &quot;{value}&quot;.</source>
        <translation>不存在这个日期：“{value}”。</translation>
    </message>
    <message>
        <source>Not a date: &quot;{value}&quot; (write it as 2024-03-05).</source>
        <translation>不是日期：“{value}”（请写作 2024-03-05）。</translation>
    </message>
    <message>
        <source>The date {value} is too early.</source>
        <translation>日期 {value} 太早。</translation>
    </message>
    <message>
        <source>The date {value} is after {limit}.</source>
        <translation>日期 {value} 晚于 {limit}。</translation>
    </message>
    <message>
        <source>The date {value} is before {limit}.</source>
        <translation>日期 {value} 早于 {limit}。</translation>
    </message>
    <message>
        <source>Not an e-mail address: &quot;{value}&quot;.</source>
        <translation>不是有效的电子邮件地址：“{value}”。</translation>
    </message>
    <message>
        <source>Enter a whole number: &quot;{value}&quot;.</source>
        <translation>请输入整数：“{value}”。</translation>
    </message>
    <message>
        <source>No region with code &quot;{value}&quot;.</source>
        <translation>没有代码为“{value}”的区域。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a month such as 2026-12.</source>
        <translation>“{value}”不是月份，应写作 2026-12 这样。</translation>
    </message>
    <message>
        <source>A published plan cannot change.</source>
        <translation>已发布的计划不能修改。</translation>
    </message>
    <message>
        <source>Unknown figure &quot;{value}&quot;.</source>
        <translation>未知的指标“{value}”。</translation>
    </message>
    <message>
        <source>Enter a number: &quot;{value}&quot;.</source>
        <translation>请输入数字：“{value}”。</translation>
    </message>
    <message>
        <source>Enter a number from {low} to {high}.</source>
        <translation>请输入 {low} 到 {high} 之间的数。</translation>
    </message>
    <message>
        <source>The plan for {month} is published and cannot change.</source>
        <translation>{month} 的计划已发布，不能修改。</translation>
    </message>
    <message>
        <source>Not a date: &quot;{value}&quot;.</source>
        <translation>不是日期：“{value}”。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a phone number.</source>
        <translation>“{value}”不是电话号码。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot;: Excel shortened this number and digits were lost; format the column as text and type it again.</source>
        <translation>“{value}”：Excel 缩写了这个号码，部分数字已丢失；请把该列设为文本格式后重新输入。</translation>
    </message>
    <message>
        <source>Use 3 to 5 tiers.</source>
        <translation>请设 3 到 5 个等级。</translation>
    </message>
    <message>
        <source>Each tier needs its own, non-empty name.</source>
        <translation>每个等级都需要一个不重复的名称。</translation>
    </message>
    <message>
        <source>A weight cannot be negative.</source>
        <translation>权重不能为负数。</translation>
    </message>
    <message>
        <source>At least one criterion needs a weight above zero.</source>
        <translation>至少要有一项指标的权重大于零。</translation>
    </message>
    <message>
        <source>Choose shares of customers or thresholds.</source>
        <translation>请选择按客户比例或按分数线划分。</translation>
    </message>
    <message>
        <source>Give every tier a share above zero.</source>
        <translation>每个等级的比例都要大于零。</translation>
    </message>
    <message>
        <source>The shares add up to {total}%; they must add up to 100%.</source>
        <translation>各等级比例合计为 {total}%，必须等于 100%。</translation>
    </message>
    <message>
        <source>Give a threshold for every tier but the last.</source>
        <translation>除最后一个等级外，每个等级都需要一个分数线。</translation>
    </message>
    <message>
        <source>Thresholds go from 100 down to 0, each lower than the one before (they overlap now).</source>
        <translation>分数线应从 100 往 0 依次降低，后一个低于前一个（现在有重叠）。</translation>
    </message>
    <message>
        <source>Calls and visits are whole numbers from 0 to {most}.</source>
        <translation>电话和拜访次数须为 0 到 {most} 的整数。</translation>
    </message>
    <message>
        <source>A norm counts per month or per quarter.</source>
        <translation>规范按月或按季度计算。</translation>
    </message>
    <message>
        <source>Not a period: &quot;{value}&quot; (write 2026-Q4, 2026-11 or 2026).</source>
        <translation>不是有效的期间：“{value}”（请写作 2026-Q4、2026-11 或 2026）。</translation>
    </message>
    <message>
        <source>Say why the tier is set by hand (it is kept in the history).</source>
        <translation>请说明手工设定等级的原因（会记入等级记录）。</translation>
    </message>
    <message>
        <source>The window ends before it starts.</source>
        <translation>时间窗口的结束早于开始。</translation>
    </message>
    <message>
        <source>This follow-up is already done.</source>
        <translation>这项回访已经完成。</translation>
    </message>
    <message>
        <source>Postpone to a day after {day}.</source>
        <translation>请改到 {day} 之后的某一天。</translation>
    </message>
    <message>
        <source>The official holidays of {year} are not known yet (known: {first}–{last}). Enter them by hand, or update the chinese-calendar package once they are published.</source>
        <translation>{year} 年的法定节假日尚未收录（已收录：{first}–{last}）。请手工录入，或在公布后更新 chinese-calendar 软件包。</translation>
    </message>
    <message>
        <source>{day} is already in the calendar.</source>
        <translation>{day} 已在日历中。</translation>
    </message>
    <message>
        <source>This day is no longer in the calendar.</source>
        <translation>这一天已不在日历中。</translation>
    </message>
    <message>
        <source>Unknown kind &quot;{value}&quot;.</source>
        <translation>未知的类别“{value}”。</translation>
    </message>
    <message>
        <source>Enter a share from 1% to 100%.</source>
        <translation>请输入 1% 到 100% 之间的比例。</translation>
    </message>
    <message>
        <source>A low score must be below a satisfied one.</source>
        <translation>低分必须低于满意分。</translation>
    </message>
    <message>
        <source>Enter a share from 1% to 99%.</source>
        <translation>请输入 1% 到 99% 之间的比例。</translation>
    </message>
    <message>
        <source>This text is {length:,} characters long; at most {limit:,} are allowed.</source>
        <translation>此文本长 {length:,} 个字符；最多允许 {limit:,} 个。</translation>
    </message>
</context>
<context>
    <name>VisitEntry</name>
    <message>
        <source>New entry</source>
        <translation>新记录</translation>
    </message>
    <message>
        <source>D&amp;ate</source>
        <translation>日期(&amp;A)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>方式(&amp;H)</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>目的(&amp;U)</translation>
    </message>
    <message>
        <source>Outco&amp;me</source>
        <translation>结果(&amp;M)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>下一步(&amp;X)</translation>
    </message>
    <message>
        <source>Save &amp;entry</source>
        <translation>保存记录(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Discussed</source>
        <translation>洽谈内容(&amp;D)</translation>
    </message>
    <message>
        <source>What was discussed</source>
        <translation>洽谈内容</translation>
    </message>
    <message>
        <source>&amp;Next visit on</source>
        <translation>下次拜访(&amp;N)</translation>
    </message>
</context>
<context>
    <name>Weekday</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Your archive is kept in {path}</source>
        <translation>您的档案保存在 {path}</translation>
    </message>
    <message>
        <source>Encrypt this archive (it opens with a passphrase)</source>
        <translation>加密此档案（打开时需要输入密码）</translation>
    </message>
    <message>
        <source>Open a TierDesk database</source>
        <translation>打开 TierDesk 数据库</translation>
    </message>
    <message>
        <source>TierDesk databases (*.sqlite *.db);;All files (*)</source>
        <translation>TierDesk 数据库 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Welcome to TierDesk</source>
        <translation>欢迎使用 TierDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to TierDesk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;欢迎使用 TierDesk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>TierDesk keeps your office&apos;s customer archive: visit cards, the master file, tiers and visit quotas. How would you like to start?</source>
        <translation>TierDesk 管理销售部的客户档案：客户档案卡、客户总档、客户分级和拜访任务。您想怎样开始？</translation>
    </message>
    <message>
        <source>Start an empty office</source>
        <translation>从空白销售部开始</translation>
    </message>
    <message>
        <source>A new archive in your data folder; add regions, salespeople and customers.</source>
        <translation>在您的数据文件夹中新建档案，然后添加区域、业务员和客户。</translation>
    </message>
    <message>
        <source>Open an existing database file…</source>
        <translation>打开已有的数据库文件…</translation>
    </message>
    <message>
        <source>An archive copied from another computer or kept on a shared drive.</source>
        <translation>从其他电脑复制来的档案，或保存在共享盘上的档案。</translation>
    </message>
    <message>
        <source>Try the demo office</source>
        <translation>试用示范销售部</translation>
    </message>
    <message>
        <source>A sample office with 60 salespeople in 7 regions and two years of history, in a separate file.</source>
        <translation>一个示范销售部：7 个区域、60 名业务员、两年的历史数据，保存在单独的文件中。</translation>
    </message>
</context>
<context>
    <name>Workbook</name>
    <message>
        <source>{name} has no sheet with data.</source>
        <translation>{name} 中没有含数据的工作表。</translation>
    </message>
    <message>
        <source>{name} has no sheet called &quot;{sheet}&quot;.</source>
        <translation>{name} 中没有名为“{sheet}”的工作表。</translation>
    </message>
    <message>
        <source>{name} does not exist.</source>
        <translation>{name} 不存在。</translation>
    </message>
    <message>
        <source>{name} is empty.</source>
        <translation>{name} 是空文件。</translation>
    </message>
    <message>
        <source>{name} is not a spreadsheet (use .xlsx, .xls, .ods or .csv).</source>
        <translation>{name} 不是电子表格（请使用 .xlsx、.xls、.ods 或 .csv）。</translation>
    </message>
    <message>
        <source>{name} is damaged or incomplete (perhaps cut off while copying).</source>
        <translation>{name} 已损坏或不完整（可能在复制时被截断）。</translation>
    </message>
    <message>
        <source>{name} would unpack to {size} MB, more than the {limit} MB allowed.</source>
        <translation>{name} 解压后有 {size} MB，超过了允许的 {limit} MB。</translation>
    </message>
    <message>
        <source>{name} is a zip archive, not a spreadsheet.</source>
        <translation>{name} 是压缩包，不是电子表格。</translation>
    </message>
    <message>
        <source>{name} is password-protected; save an unprotected copy and try again.</source>
        <translation>{name} 设有密码保护；请另存一份不加密的副本后再试。</translation>
    </message>
    <message>
        <source>{name} cannot be read as a spreadsheet: {reason}</source>
        <translation>{name} 无法作为电子表格读取：{reason}</translation>
    </message>
    <message>
        <source>The sheet &quot;{sheet}&quot; of {name} cannot be read: {reason}</source>
        <translation>{name} 中的工作表“{sheet}”无法读取：{reason}</translation>
    </message>
    <message>
        <source>{name} is {size} MB, more than the {limit} MB allowed.</source>
        <translation>{name} 有 {size} MB，超过了允许的 {limit} MB。</translation>
    </message>
    <message>
        <source>{name} is not a text file (it holds binary data).</source>
        <translation>{name} 不是文本文件（其中含有二进制数据）。</translation>
    </message>
    <message>
        <source>{name} is not in UTF-8, GBK or GB18030; save it as CSV UTF-8.</source>
        <translation>{name} 的编码不是 UTF-8、GBK 或 GB18030；请另存为 CSV UTF-8 格式。</translation>
    </message>
    <message>
        <source>{name} cannot be read as CSV: {reason}</source>
        <translation>{name} 无法作为 CSV 读取：{reason}</translation>
    </message>
</context>
<context>
    <name>WriteWaits</name>
    <message>
        <source>Stop waiting</source>
        <translation>停止等待</translation>
    </message>
    <message>
        <source>Waiting to write</source>
        <translation>等待写入</translation>
    </message>
</context>
</TS>
