<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/dialogs/about.py" line="105"/>
        <source>About Help desk</source>
        <translation>دربارهٔ میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="108"/>
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="114"/>
        <source>Version %1</source>
        <translation>نسخهٔ %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="140"/>
        <source>This app includes the following software. Choose one to read its licence.</source>
        <translation>این برنامه نرم‌افزارهای زیر را در خود دارد. یکی را برگزینید تا پروانهٔ آن را بخوانید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="145"/>
        <source>Component</source>
        <translation>جزء</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="145"/>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="145"/>
        <source>Licence</source>
        <translation>پروانه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/about.py" line="180"/>
        <source>The licence text of %1 is not included.</source>
        <translation>متن پروانهٔ %1 همراه برنامه نیست.</translation>
    </message>
</context>
<context>
    <name>Accounts</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="57"/>
        <source>Another supervisor changed this account after you opened it, so nothing of yours was saved. It now shows their change.</source>
        <translation>سرپرست دیگری پس از باز کردن شما این حساب را تغییر داد، از این رو چیزی از تغییر شما ذخیره نشد. اکنون تغییر او نشان داده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="68"/>
        <source>Account changed</source>
        <translation>حساب تغییر کرد</translation>
    </message>
</context>
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="50"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="52"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="53"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="54"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="56"/>
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="46"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="46"/>
        <source>Deactivated</source>
        <translation>غیرفعال</translation>
    </message>
</context>
<context>
    <name>AngerScale</name>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="83"/>
        <source>Anger {0} of 5</source>
        <translation>عصبانیت {0} از ۵</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="66"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="67"/>
        <source>Call or visit</source>
        <translation>تماس یا مراجعه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="68"/>
        <source>Follow-up</source>
        <translation>پیگیری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="69"/>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="70"/>
        <source>Complaint comment</source>
        <translation>یادداشت شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="71"/>
        <source>Complaint event</source>
        <translation>رویداد شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="72"/>
        <source>Complaint category</source>
        <translation>دستهٔ شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="73"/>
        <source>Calm-down session</source>
        <translation>جلسهٔ آرام کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="74"/>
        <source>Checklist</source>
        <translation>چک‌لیست</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="75"/>
        <source>Reason for losing a customer</source>
        <translation>علت از دست رفتن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="76"/>
        <source>Staff account</source>
        <translation>حساب کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="77"/>
        <source>Setting</source>
        <translation>تنظیم</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="78"/>
        <source>Database</source>
        <translation>پایگاه داده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="85"/>
        <source>Created</source>
        <translation>ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="86"/>
        <source>Changed</source>
        <translation>تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="87"/>
        <source>Deleted</source>
        <translation>حذف شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="88"/>
        <source>Status changed</source>
        <translation>وضعیت تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="89"/>
        <source>Step taken</source>
        <translation>مرحله‌ای انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="90"/>
        <source>Finished</source>
        <translation>پایان یافت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="91"/>
        <source>Completed</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="92"/>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="93"/>
        <source>Account activated</source>
        <translation>حساب فعال شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="94"/>
        <source>Account deactivated</source>
        <translation>حساب غیرفعال شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="95"/>
        <source>Password reset</source>
        <translation>گذرواژه بازنشانی شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="96"/>
        <source>Password changed</source>
        <translation>گذرواژه تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="97"/>
        <source>Marked as lost</source>
        <translation>از دست رفته ثبت شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="98"/>
        <source>Active again</source>
        <translation>دوباره فعال شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="99"/>
        <source>Another customer merged into it</source>
        <translation>مشتری دیگری در آن ادغام شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="100"/>
        <source>Merged into another customer</source>
        <translation>در مشتری دیگری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="101"/>
        <source>Signed in</source>
        <translation>وارد شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="102"/>
        <source>Failed sign-in</source>
        <translation>ورود ناموفق</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="103"/>
        <source>Sign-in refused: account locked</source>
        <translation>ورود رد شد: حساب قفل است</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="104"/>
        <source>Sign-in refused: account deactivated</source>
        <translation>ورود رد شد: حساب غیرفعال است</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="105"/>
        <source>Database restored from a backup</source>
        <translation>پایگاه داده از پشتیبان بازیابی شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="113"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="114"/>
        <source>Wrong passwords in a row</source>
        <translation>گذرواژه‌های نادرست پشت سر هم</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="115"/>
        <source>Locked until</source>
        <translation>قفل تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="116"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="117"/>
        <source>Time created</source>
        <translation>زمان ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="118"/>
        <source>Last changed</source>
        <translation>آخرین تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="119"/>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="120"/>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="121"/>
        <source>Organisation&apos;s number</source>
        <translation>شمارهٔ سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="122"/>
        <source>Created by</source>
        <translation>ایجادکننده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="123"/>
        <source>Changed by</source>
        <translation>تغییردهنده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="124"/>
        <source>Lost on</source>
        <translation>تاریخ از دست رفتن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="125"/>
        <source>Reason lost</source>
        <translation>علت از دست رفتن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="126"/>
        <source>Merged into customer</source>
        <translation>ادغام‌شده در مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="127"/>
        <source>Segment chosen by hand</source>
        <translation>گروه مشتری به انتخاب کاربر</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="128"/>
        <source>Backup</source>
        <translation>پشتیبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="129"/>
        <source>Replaced data kept in</source>
        <translation>داده‌های جایگزین‌شده در</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="130"/>
        <source>By</source>
        <translation>توسط</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="198"/>
        <source>Failed sign-in: no such account</source>
        <translation>ورود ناموفق: چنین حسابی نیست</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="200"/>
        <source>Failed sign-in: wrong password ({0} in a row)</source>
        <translation>ورود ناموفق: گذرواژهٔ نادرست ({0} بار پشت سر هم)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="206"/>
        <source>Database restored from {0}</source>
        <translation>پایگاه داده از {0} بازیابی شد</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="227"/>
        <source>When</source>
        <translation>زمان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="232"/>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="236"/>
        <source>What</source>
        <translation>چه کاری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="238"/>
        <source>Record</source>
        <translation>پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="241"/>
        <source>Changed fields</source>
        <translation>فیلدهای تغییرکرده</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="388"/>
        <source>Audit log</source>
        <translation>سابقهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="400"/>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="401"/>
        <location filename="../../ui/pages/audit_log.py" line="507"/>
        <source>Anyone</source>
        <translation>همه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="404"/>
        <source>Kind of record</source>
        <translation>نوع پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="407"/>
        <location filename="../../ui/pages/audit_log.py" line="408"/>
        <source>Record number</source>
        <translation>شمارهٔ پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="412"/>
        <source>Action</source>
        <translation>کار</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="416"/>
        <source>&amp;Person:</source>
        <translation>&amp;شخص:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="417"/>
        <source>&amp;Kind:</source>
        <translation>&amp;نوع:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="418"/>
        <source>&amp;Number:</source>
        <translation>&amp;شماره:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="419"/>
        <source>&amp;Action:</source>
        <translation>&amp;کار:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="432"/>
        <source>Only &amp;from</source>
        <translation>فقط &amp;از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="436"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="437"/>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="440"/>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="445"/>
        <source>&amp;Clear the filters</source>
        <translation>&amp;پاک کردن پالایه‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="447"/>
        <source>Refresh (F5)</source>
        <translation>تازه‌سازی (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="448"/>
        <source>&amp;Export…</source>
        <translation>&amp;برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="464"/>
        <source>Audit log entries</source>
        <translation>موردهای سابقهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="512"/>
        <source>Any kind</source>
        <translation>هر نوع</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="516"/>
        <source>Any action</source>
        <translation>هر کاری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="613"/>
        <source>No entries match.</source>
        <translation>هیچ موردی پیدا نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="616"/>
        <source>Entries: more than {0}</source>
        <translation>موردها: بیش از {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="621"/>
        <source>Entries: {0}</source>
        <translation>موردها: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="629"/>
        <source>Export the audit log</source>
        <translation>برون‌بری سابقهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="629"/>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="637"/>
        <source>Exporting…</source>
        <translation>در حال برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="649"/>
        <source>Exported {0} entries to {1}</source>
        <translation>{0} مورد در {1} برون‌بری شد</translation>
    </message>
</context>
<context>
    <name>BackupsModel</name>
    <message>
        <location filename="../../ui/pages/backups.py" line="49"/>
        <source>Taken</source>
        <translation>زمان تهیه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="54"/>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="59"/>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="45"/>
        <source>Good</source>
        <translation>سالم</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="45"/>
        <source>Damaged</source>
        <translation>آسیب‌دیده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="70"/>
        <source>{0} MB</source>
        <translation>{0} مگابایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="71"/>
        <source>{0} KB</source>
        <translation>{0} کیلوبایت</translation>
    </message>
</context>
<context>
    <name>BackupsTab</name>
    <message>
        <location filename="../../ui/pages/backups.py" line="91"/>
        <source>The help desk keeps a checked copy of the database: at the first start of each day and when the app is closed after changes. It keeps the last 7 days, 4 weeks and 12 months.</source>
        <translation>میز خدمت مشتریان از پایگاه داده نسخهٔ پشتیبان بررسی‌شده تهیه می‌کند: در نخستین اجرای هر روز، و هنگام بستن برنامه اگر چیزی تغییر کرده باشد. نسخه‌های ۷ روز، ۴ هفته و ۱۲ ماه اخیر نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="96"/>
        <source>This office&apos;s database is on a server. Back up now writes a copy of it as a single file that the help desk can open; it is not restored from here (see the README).</source>
        <translation>پایگاه دادهٔ این دفتر روی سرور است. «پشتیبان‌گیری اکنون» نسخه‌ای از آن را در یک پرونده می‌نویسد که میز خدمت مشتریان می‌تواند باز کند؛ بازیابی آن از اینجا انجام نمی‌شود (راهنمای README را ببینید).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="108"/>
        <location filename="../../ui/pages/backups.py" line="112"/>
        <source>Folder</source>
        <translation>پوشه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="114"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="116"/>
        <source>Use the default</source>
        <translation>پوشهٔ پیش‌فرض</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="125"/>
        <source>Backups</source>
        <translation>نسخه‌های پشتیبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="130"/>
        <source>Back up now</source>
        <translation>پشتیبان‌گیری اکنون</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="132"/>
        <source>Restore…</source>
        <translation>بازیابی…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="189"/>
        <source>Folder for the backups</source>
        <translation>پوشهٔ نسخه‌های پشتیبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="200"/>
        <source>Backups now go to this folder.</source>
        <translation>از این پس نسخه‌های پشتیبان در این پوشه نوشته می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="207"/>
        <source>Backing up…</source>
        <translation>در حال پشتیبان‌گیری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="220"/>
        <source>Backed up and checked: {0}</source>
        <translation>نسخهٔ پشتیبان تهیه و بررسی شد: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="229"/>
        <source>Restore this backup?</source>
        <translation>این نسخهٔ پشتیبان بازیابی شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="231"/>
        <source>The database goes back to how it was on {0}. What was saved since then is no longer in the help desk; it is kept aside in a file next to the database. Everyone here signs in again.</source>
        <translation>پایگاه داده به وضعیت {0} برمی‌گردد. آنچه از آن زمان ذخیره شده دیگر در میز خدمت مشتریان نخواهد بود؛ در پرونده‌ای کنار پایگاه داده نگه داشته می‌شود. پس از آن دوباره وارد می‌شوید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="239"/>
        <source>Restoring…</source>
        <translation>در حال بازیابی…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/backups.py" line="255"/>
        <source>Restored. The data it replaced is kept in {0}.</source>
        <translation>بازیابی انجام شد. داده‌هایی که جایگزین شدند در {0} نگه داشته شده‌اند.</translation>
    </message>
</context>
<context>
    <name>CallLog</name>
    <message>
        <location filename="../../ui/pages/calls.py" line="122"/>
        <source>All staff</source>
        <translation>همهٔ کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="125"/>
        <source>Both directions</source>
        <translation>ورودی و خروجی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="126"/>
        <source>All channels</source>
        <translation>همهٔ راه‌های ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="127"/>
        <source>All outcomes</source>
        <translation>همهٔ نتیجه‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="130"/>
        <location filename="../../ui/pages/calls.py" line="152"/>
        <source>Search the notes</source>
        <translation>جستجو در یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="132"/>
        <source>&amp;From</source>
        <translation>&amp;از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="133"/>
        <source>&amp;To</source>
        <translation>&amp;تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="146"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="147"/>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="148"/>
        <source>Staff</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="149"/>
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="150"/>
        <source>Kind of contact</source>
        <translation>نوع ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="151"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="162"/>
        <source>Call log: Enter opens the contact</source>
        <translation>فهرست تماس‌ها: Enter ارتباط را باز می‌کند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="200"/>
        <source>{0} contacts</source>
        <translation>{0} ارتباط</translation>
    </message>
</context>
<context>
    <name>CallLogModel</name>
    <message>
        <location filename="../../ui/pages/calls.py" line="59"/>
        <source>Started</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="63"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="64"/>
        <source>Contact</source>
        <translation>نوع ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="66"/>
        <source>Staff</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="71"/>
        <source>Duration</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="76"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="81"/>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="86"/>
        <source>Reason and notes</source>
        <translation>موضوع و یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="55"/>
        <source>Not identified</source>
        <translation>شناسایی نشده</translation>
    </message>
</context>
<context>
    <name>CallTimerBar</name>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="84"/>
        <source>&amp;End visit (F8)</source>
        <translation>&amp;پایان مراجعه (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="84"/>
        <source>Hang &amp;up (F8)</source>
        <translation>&amp;پایان تماس (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="86"/>
        <source>End the visit and stop the timer (F8)</source>
        <translation>پایان مراجعه و توقف زمان‌سنج (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="88"/>
        <source>End the call and stop the timer (F8)</source>
        <translation>پایان تماس و توقف زمان‌سنج (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="90"/>
        <source>End visit</source>
        <translation>پایان مراجعه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="90"/>
        <source>Hang up</source>
        <translation>پایان تماس</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="92"/>
        <source>Step away from the desk for a moment, or come back to the visitor (F6)</source>
        <translation>لحظه‌ای میز را ترک کنید یا نزد مراجعه‌کننده برگردید (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="94"/>
        <source>Put the caller on hold, or go back to them (F6)</source>
        <translation>تماس‌گیرنده را در انتظار نگه دارید یا نزد او برگردید (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="100"/>
        <source>Back to the &amp;visitor (F6)</source>
        <translation>&amp;بازگشت نزد مراجعه‌کننده (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="100"/>
        <source>Step &amp;away (F6)</source>
        <translation>&amp;ترک موقت میز (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="101"/>
        <source>Back to the visitor</source>
        <translation>بازگشت نزد مراجعه‌کننده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="101"/>
        <source>Step away</source>
        <translation>ترک موقت میز</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="103"/>
        <source>Back to the &amp;caller (F6)</source>
        <translation>&amp;بازگشت نزد تماس‌گیرنده (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="103"/>
        <source>&amp;Hold (F6)</source>
        <translation>&amp;نگه‌داشتن در انتظار (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="104"/>
        <source>Back to the caller</source>
        <translation>بازگشت نزد تماس‌گیرنده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="104"/>
        <source>Hold</source>
        <translation>نگه‌داشتن در انتظار</translation>
    </message>
</context>
<context>
    <name>CallWindow</name>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="125"/>
        <source>This contact was already saved before the help desk closed; here it is as it was stored. Nothing was saved twice.</source>
        <translation>این ارتباط پیش از بسته شدن برنامه ذخیره شده بود؛ همان‌طور که ذخیره شد اینجاست. چیزی دو بار ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="634"/>
        <source>Contact</source>
        <translation>ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="222"/>
        <location filename="../../ui/dialogs/call_window.py" line="224"/>
        <source>Discard</source>
        <translation>دور انداختن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="226"/>
        <source>&amp;Save</source>
        <translation>&amp;ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="230"/>
        <source>Save the contact (Ctrl+S)</source>
        <translation>ذخیرهٔ ارتباط (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="228"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="452"/>
        <source>Saved contact</source>
        <translation>ارتباط ذخیره‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="454"/>
        <source>On hold for {0}</source>
        <translation>در انتظار به مدت {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="454"/>
        <source>Stepped away for {0}</source>
        <translation>دور از میز به مدت {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="458"/>
        <source>On the call</source>
        <translation>در حال گفت‌وگو</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="458"/>
        <source>Visit in progress</source>
        <translation>مراجعه در جریان است</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="460"/>
        <source>Call ended</source>
        <translation>تماس پایان یافت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="460"/>
        <source>Visit ended</source>
        <translation>مراجعه پایان یافت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="462"/>
        <source>held {0} in all</source>
        <translation>روی هم {0} در انتظار</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="471"/>
        <source>The visitor has been waiting for {0}. Go back to them now, even if only to say you are still on it.</source>
        <translation>مراجعه‌کننده {0} است که منتظر است. همین حالا نزد او برگردید، حتی اگر فقط برای گفتن این باشد که هنوز پیگیر کارش هستید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="476"/>
        <source>The caller has been waiting for {0}. Go back to them now, even if only to say you are still on it.</source>
        <translation>تماس‌گیرنده {0} است که منتظر است. همین حالا نزد او برگردید، حتی اگر فقط برای گفتن این باشد که هنوز پیگیر کارش هستید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="535"/>
        <source>The draft could not be kept on this computer: {0}</source>
        <translation>پیش‌نویس روی این رایانه نگه داشته نشد: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="540"/>
        <source>Kept safe as you type</source>
        <translation>هم‌زمان با نوشتن، امن نگه داشته می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="582"/>
        <source>This visit was not finished when the help desk closed at {0}. Everything typed until then is back. Check the duration, then save.</source>
        <translation>این مراجعه هنگام بسته شدن برنامه در {0} تمام نشده بود. هر چه تا آن لحظه نوشته بودید بازگردانده شد. مدت را بررسی کنید و سپس ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="587"/>
        <source>This call was not finished when the help desk closed at {0}. Everything typed until then is back. Check the duration, then save.</source>
        <translation>این تماس هنگام بسته شدن برنامه در {0} تمام نشده بود. هر چه تا آن لحظه نوشته بودید بازگردانده شد. مدت را بررسی کنید و سپس ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="610"/>
        <source>Raise a &amp;complaint…</source>
        <translation>ثبت &amp;شکایت…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="616"/>
        <source>Taken by {0} on {1}.</source>
        <translation>ثبت‌شده توسط {0} در {1}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="620"/>
        <source>Only {0} or a supervisor can change it.</source>
        <translation>فقط {0} یا یک سرپرست می‌تواند آن را تغییر دهد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="627"/>
        <location filename="../../ui/dialogs/call_window.py" line="679"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="636"/>
        <source>Callback</source>
        <translation>تماس برگشتی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="674"/>
        <source>This contact was already saved at {0}, so it was not stored again.</source>
        <translation>این ارتباط پیش‌تر در {0} ذخیره شده بود، پس دوباره ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="711"/>
        <source>Discard this contact?</source>
        <translation>این ارتباط دور انداخته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/call_window.py" line="712"/>
        <source>What you typed about this contact will be thrown away.</source>
        <translation>آنچه دربارهٔ این ارتباط نوشته‌اید از بین می‌رود.</translation>
    </message>
</context>
<context>
    <name>CallerSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="132"/>
        <source>&amp;New customer…</source>
        <translation>مشتری &amp;جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="148"/>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="158"/>
        <source>Find the customer by phone number or name</source>
        <translation>یافتن مشتری با شماره تلفن یا نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="159"/>
        <source>New customer</source>
        <translation>مشتری جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="160"/>
        <source>Matching customers</source>
        <translation>مشتریان یافته‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="161"/>
        <source>Change the customer</source>
        <translation>تغییر مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="166"/>
        <source>Visitor</source>
        <translation>مراجعه‌کننده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="166"/>
        <source>Caller</source>
        <translation>تماس‌گیرنده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="168"/>
        <source>Type the name or the phone number</source>
        <translation>نام یا شماره تلفن را بنویسید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="168"/>
        <source>Type the phone number or the name</source>
        <translation>شماره تلفن یا نام را بنویسید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="189"/>
        <source>Nobody has this number or name yet. Press “New customer…” to add them.</source>
        <translation>هنوز کسی با این شماره یا نام ثبت نشده است. برای افزودن، «مشتری جدید…» را بزنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="204"/>
        <source>No customer chosen yet</source>
        <translation>هنوز مشتری انتخاب نشده است</translation>
    </message>
</context>
<context>
    <name>CallsPage</name>
    <message>
        <location filename="../../ui/pages/calls.py" line="216"/>
        <source>New call (F2)</source>
        <translation>تماس جدید (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="219"/>
        <source>New walk-in visit (Shift+F2)</source>
        <translation>مراجعهٔ حضوری جدید (Shift+F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="222"/>
        <source>New call</source>
        <translation>تماس جدید</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="223"/>
        <source>New walk-in visit</source>
        <translation>مراجعهٔ حضوری جدید</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="229"/>
        <source>Follow-ups and callbacks due</source>
        <translation>پیگیری‌ها و تماس‌های برگشتی سررسیده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="234"/>
        <source>Call log</source>
        <translation>فهرست تماس‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="239"/>
        <source>&amp;Dial this number (Ctrl+D)</source>
        <translation>&amp;شماره‌گیری این شماره (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calls.py" line="242"/>
        <source>Your phone rings; pick it up and it calls the number of the chosen contact</source>
        <translation>تلفن شما زنگ می‌زند؛ گوشی را بردارید تا شمارهٔ تماس انتخاب‌شده گرفته شود</translation>
    </message>
</context>
<context>
    <name>CalmStepsEditor</name>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="112"/>
        <source>Calm-down steps</source>
        <translation>مراحل آرام کردن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="58"/>
        <source>Add step</source>
        <translation>افزودن مرحله</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="59"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="60"/>
        <source>Up</source>
        <translation>بالا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="61"/>
        <source>Down</source>
        <translation>پایین</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="73"/>
        <location filename="../../ui/pages/calm_settings.py" line="74"/>
        <source>Required</source>
        <translation>الزامی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="78"/>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="79"/>
        <source>What to do</source>
        <translation>چه باید کرد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="80"/>
        <source>Phrases to say (one a line)</source>
        <translation>جمله‌های پیشنهادی (هر خط یکی)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="81"/>
        <source>Phrases to avoid (one a line)</source>
        <translation>جمله‌هایی که نباید گفت (هر خط یکی)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="91"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="91"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="100"/>
        <source>Save as a new version</source>
        <translation>ذخیره به‌عنوان نسخهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="115"/>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="135"/>
        <source>Version {0} is in use</source>
        <translation>نسخهٔ {0} در حال استفاده است</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="217"/>
        <source>Step {0}: {1}</source>
        <translation>مرحلهٔ {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_settings.py" line="226"/>
        <source>Saved. New sessions use the new version.</source>
        <translation>ذخیره شد. جلسه‌های تازه از نسخهٔ جدید استفاده می‌کنند.</translation>
    </message>
</context>
<context>
    <name>CalmWindow</name>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="169"/>
        <source>This session was interrupted. It is back where you left it.</source>
        <translation>این جلسه نیمه‌کاره مانده بود. از همان جایی که رها کردید ادامه می‌یابد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="213"/>
        <source>Calm the angry customer</source>
        <translation>آرام کردن مشتری عصبانی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="219"/>
        <source>&amp;Escalate now (Ctrl+E)</source>
        <translation>&amp;همین حالا ارجاع شود (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="231"/>
        <source>Customer&apos;s phone or name, when they give it</source>
        <translation>تلفن یا نام مشتری، هر وقت گفت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="237"/>
        <source>Customers found</source>
        <translation>مشتریان یافته‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="282"/>
        <source>How angry is the customer right now?</source>
        <translation>مشتری همین حالا چقدر عصبانی است؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="292"/>
        <source>Begin (Enter)</source>
        <translation>شروع (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="329"/>
        <source>Say</source>
        <translation>بگویید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="331"/>
        <source>Avoid</source>
        <translation>نگویید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="336"/>
        <source>&amp;Done (Ctrl+D)</source>
        <translation>&amp;انجام شد (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="346"/>
        <source>A note on this step (optional)</source>
        <translation>یادداشتی دربارهٔ این مرحله (اختیاری)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="352"/>
        <location filename="../../ui/dialogs/calm_window.py" line="415"/>
        <source>Back (PgUp)</source>
        <translation>قبلی (PgUp)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="355"/>
        <source>Next (PgDown)</source>
        <translation>بعدی (PgDown)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="368"/>
        <source>How angry is the customer now?</source>
        <translation>مشتری اکنون چقدر عصبانی است؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="376"/>
        <source>How did it end?</source>
        <translation>چطور تمام شد؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="272"/>
        <location filename="../../ui/dialogs/calm_window.py" line="394"/>
        <source>Promise a follow-up</source>
        <translation>قول پیگیری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="269"/>
        <source>Customer&apos;s phone or name</source>
        <translation>تلفن یا نام مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="270"/>
        <source>Note on this step</source>
        <translation>یادداشت این مرحله</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="271"/>
        <source>Steps of the session</source>
        <translation>مرحله‌های جلسه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="273"/>
        <location filename="../../ui/dialogs/calm_window.py" line="405"/>
        <source>Due</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="274"/>
        <location filename="../../ui/dialogs/calm_window.py" line="406"/>
        <source>Promised</source>
        <translation>قول داده‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="286"/>
        <source>1 is calm, 5 is furious. Press a number key, then Enter.</source>
        <translation>۱ یعنی آرام و ۵ یعنی بسیار خشمگین. کلید عدد را بزنید، سپس Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="417"/>
        <source>&amp;Save the session (Ctrl+S)</source>
        <translation>&amp;ذخیرهٔ جلسه (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="442"/>
        <source>Re&amp;port…</source>
        <translation>&amp;گزارش…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="444"/>
        <source>The incident report of this session, in the report centre</source>
        <translation>گزارش رویداد این جلسه، در مرکز گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="447"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="474"/>
        <source>Rate the anger first: it shows later how much the customer was calmed.</source>
        <translation>نخست میزان عصبانیت را مشخص کنید: بعداً نشان می‌دهد مشتری چقدر آرام شد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="486"/>
        <source>required</source>
        <translation>الزامی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="486"/>
        <source>if it applies</source>
        <translation>در صورت نیاز</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="488"/>
        <source>Step {0} of {1} · {2}</source>
        <translation>مرحلهٔ {0} از {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="516"/>
        <source>Done at {0}</source>
        <translation>انجام‌شده در {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="571"/>
        <source>Customer not named yet</source>
        <translation>مشتری هنوز نامی نگفته است</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="644"/>
        <source>The session could not be kept on this computer: {0}</source>
        <translation>جلسه روی این رایانه نگه داشته نشد: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="663"/>
        <source>Escalated: complaint {0} is with {1}. Carry on with the customer.</source>
        <translation>ارجاع شد: شکایت {0} نزد {1} است. با مشتری ادامه دهید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="724"/>
        <source>{0} · anger {1} → {2} · {3}</source>
        <translation>{0} · عصبانیت {1} ← {2} · {3}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="725"/>
        <source>Not finished</source>
        <translation>تمام نشده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="777"/>
        <source>Leave the session for now?</source>
        <translation>جلسه فعلاً رها شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="778"/>
        <source>It is kept, and offered again when you next sign in.</source>
        <translation>نگه داشته می‌شود و در ورود بعدی دوباره پیشنهاد می‌شود.</translation>
    </message>
</context>
<context>
    <name>ChangeOwnPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="108"/>
        <source>Change my password</source>
        <translation>تغییر گذرواژهٔ من</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="108"/>
        <source>Change password</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="112"/>
        <source>Current password</source>
        <translation>گذرواژهٔ فعلی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="114"/>
        <source>New password</source>
        <translation>گذرواژهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="116"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>ChangedElsewhereBar</name>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="61"/>
        <source>Reload (F5)</source>
        <translation>بارگذاری دوباره (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="63"/>
        <source>Reload</source>
        <translation>بارگذاری دوباره</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="71"/>
        <source>{0} saved a change to this complaint — reload?</source>
        <translation>{0} تغییری در این شکایت ذخیره کرد — دوباره بارگذاری شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="73"/>
        <source>Someone saved a change to this complaint — reload?</source>
        <translation>کسی تغییری در این شکایت ذخیره کرد — دوباره بارگذاری شود؟</translation>
    </message>
</context>
<context>
    <name>ChecklistSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="410"/>
        <source>At the desk (F7)</source>
        <translation>آداب پذیرش حضوری (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="410"/>
        <source>On the phone (F7)</source>
        <translation>آداب گفت‌وگوی تلفنی (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="411"/>
        <source>Checklist: a digit ticks an item</source>
        <translation>چک‌لیست: با زدن شمارهٔ هر مورد، آن را علامت بزنید</translation>
    </message>
</context>
<context>
    <name>ChoiceListEditor</name>
    <message>
        <location filename="../../ui/choice_list_editor.py" line="95"/>
        <source>In English</source>
        <translation>به انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/choice_list_editor.py" line="98"/>
        <source>In Persian</source>
        <translation>به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/choice_list_editor.py" line="104"/>
        <location filename="../../ui/choice_list_editor.py" line="149"/>
        <source>Stop offering</source>
        <translation>دیگر پیشنهاد نشود</translation>
    </message>
    <message>
        <location filename="../../ui/choice_list_editor.py" line="149"/>
        <source>Offer again</source>
        <translation>دوباره پیشنهاد شود</translation>
    </message>
</context>
<context>
    <name>ChoiceListModel</name>
    <message>
        <location filename="../../ui/choice_list_editor.py" line="58"/>
        <source>{0} (no longer offered)</source>
        <translation>{0} (دیگر پیشنهاد نمی‌شود)</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <location filename="../../ui/messages.py" line="217"/>
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="218"/>
        <location filename="../../ui/messages.py" line="275"/>
        <location filename="../../ui/messages.py" line="276"/>
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="221"/>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="222"/>
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="223"/>
        <source>Merged</source>
        <translation>ادغام‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="226"/>
        <source>Loyal and profitable</source>
        <translation>وفادار و سودآور</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="227"/>
        <source>Loyal, not profitable</source>
        <translation>وفادار، نه سودآور</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="228"/>
        <source>Profitable, not loyal</source>
        <translation>سودآور، نه وفادار</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="229"/>
        <source>Neither loyal nor profitable</source>
        <translation>نه وفادار، نه سودآور</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="232"/>
        <source>Deepen the relationship: they are the heart of the business.</source>
        <translation>رابطه را عمیق‌تر کنید: این مشتریان قلب کسب‌وکارند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="235"/>
        <source>Keep the relationship; offering related products may make it profitable.</source>
        <translation>رابطه را حفظ کنید؛ پیشنهاد محصولات مرتبط می‌تواند آن را سودآور کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="238"/>
        <source>Work on the relationship to turn profit into loyalty.</source>
        <translation>روی رابطه کار کنید تا سودآوری به وفاداری برسد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="239"/>
        <source>Price-driven and moved by promotions: do not over-invest.</source>
        <translation>به قیمت و تخفیف حساس است: بیش از اندازه سرمایه‌گذاری نکنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="242"/>
        <source>Word of mouth</source>
        <translation>توصیه دیگران</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="243"/>
        <source>Advertising</source>
        <translation>تبلیغات</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="244"/>
        <source>Social media</source>
        <translation>شبکه‌های اجتماعی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="245"/>
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="246"/>
        <source>Passing by</source>
        <translation>عبور از جلوی فروشگاه</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="247"/>
        <source>Returning customer</source>
        <translation>مشتری قبلی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="248"/>
        <location filename="../../ui/messages.py" line="254"/>
        <location filename="../../ui/messages.py" line="313"/>
        <location filename="../../ui/messages.py" line="325"/>
        <source>Other</source>
        <translation>سایر</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="251"/>
        <source>Mobile</source>
        <translation>همراه</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="252"/>
        <source>Home</source>
        <translation>منزل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="253"/>
        <source>Work</source>
        <translation>محل کار</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="257"/>
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="258"/>
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="261"/>
        <source>Created</source>
        <translation>ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="262"/>
        <source>Changed</source>
        <translation>تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="263"/>
        <source>Marked as lost</source>
        <translation>از دست رفته ثبت شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="264"/>
        <source>Active again</source>
        <translation>دوباره فعال شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="265"/>
        <source>Another customer merged into this one</source>
        <translation>مشتری دیگری در این مشتری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="266"/>
        <source>Merged into another customer</source>
        <translation>در مشتری دیگری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="267"/>
        <source>Contact</source>
        <translation>ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="268"/>
        <source>Completed</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="269"/>
        <location filename="../../ui/messages.py" line="338"/>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="272"/>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="273"/>
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="274"/>
        <source>Family name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="277"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="278"/>
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="279"/>
        <source>E-mails</source>
        <translation>ایمیل‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="280"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="281"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="282"/>
        <source>How they heard of us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="283"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="284"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="285"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="286"/>
        <source>Reason lost</source>
        <translation>علت از دست رفتن</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="287"/>
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="288"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="289"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="290"/>
        <source>Who deals with it</source>
        <translation>مسئول رسیدگی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="291"/>
        <source>Escalated to</source>
        <translation>ارجاع‌شده به</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="292"/>
        <source>What happened</source>
        <translation>چه پیش آمد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="293"/>
        <source>What the customer wants</source>
        <translation>خواستهٔ مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="294"/>
        <source>What was done</source>
        <translation>چه کاری انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="295"/>
        <location filename="../../ui/messages.py" line="296"/>
        <source>Customer&apos;s satisfaction</source>
        <translation>رضایت مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="297"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="298"/>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="299"/>
        <source>Next step</source>
        <translation>گام بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="301"/>
        <source>Promise</source>
        <translation>قول</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="302"/>
        <source>In use</source>
        <translation>در حال استفاده</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="303"/>
        <source>Value</source>
        <translation>مقدار</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="304"/>
        <source>Step</source>
        <translation>گام</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="305"/>
        <source>Anger at the start</source>
        <translation>میزان خشم در آغاز</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="306"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="307"/>
        <source>Full name</source>
        <translation>نام کامل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="310"/>
        <source>Phone call</source>
        <translation>تماس تلفنی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="311"/>
        <source>Walk-in visit</source>
        <translation>مراجعه حضوری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="312"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="316"/>
        <source>Inbound</source>
        <translation>ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="317"/>
        <source>Outbound</source>
        <translation>خروجی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="320"/>
        <location filename="../../ui/messages.py" line="350"/>
        <source>Resolved</source>
        <translation>حل شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="321"/>
        <source>Information given</source>
        <translation>اطلاعات داده شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="322"/>
        <source>Follow-up needed</source>
        <translation>نیاز به پیگیری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="323"/>
        <source>Complaint</source>
        <translation>شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="324"/>
        <source>No answer</source>
        <translation>پاسخ نداد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="328"/>
        <source>Dissatisfied</source>
        <translation>ناراضی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="329"/>
        <source>Satisfied</source>
        <translation>راضی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="330"/>
        <source>Delighted</source>
        <translation>خشنود</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="331"/>
        <source>Not asked</source>
        <translation>پرسیده نشد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="334"/>
        <source>Overdue</source>
        <translation>سررسید گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="373"/>
        <source>Missed call</source>
        <translation>تماس بی‌پاسخ</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="420"/>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="420"/>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="300"/>
        <location filename="../../ui/messages.py" line="335"/>
        <source>Due</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="336"/>
        <source>Upcoming</source>
        <translation>پیش رو</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="337"/>
        <source>Done</source>
        <translation>انجام‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="341"/>
        <source>Urgent</source>
        <translation>فوری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="342"/>
        <source>High</source>
        <translation>زیاد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="343"/>
        <source>Normal</source>
        <translation>عادی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="344"/>
        <source>Low</source>
        <translation>کم</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="347"/>
        <source>New</source>
        <translation>جدید</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="348"/>
        <source>In progress</source>
        <translation>در حال رسیدگی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="349"/>
        <location filename="../../ui/messages.py" line="368"/>
        <source>Escalated</source>
        <translation>ارجاع‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="351"/>
        <source>Closed</source>
        <translation>بسته</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="354"/>
        <source>My open complaints</source>
        <translation>شکایت‌های باز من</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="355"/>
        <source>All open complaints</source>
        <translation>همهٔ شکایت‌های باز</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="356"/>
        <source>Overdue complaints</source>
        <translation>شکایت‌های سررسید گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="357"/>
        <source>Escalated to me</source>
        <translation>ارجاع‌شده به من</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="358"/>
        <source>All complaints</source>
        <translation>همهٔ شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="361"/>
        <source>Internal</source>
        <translation>داخلی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="362"/>
        <source>Said to the customer</source>
        <translation>گفته‌شده به مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="365"/>
        <source>Calmed</source>
        <translation>آرام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="366"/>
        <source>Partly calmed</source>
        <translation>تا حدی آرام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="367"/>
        <source>Not calmed</source>
        <translation>آرام نشد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="371"/>
        <source>Callback</source>
        <translation>تماس برگشتی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="372"/>
        <source>Follow-up</source>
        <translation>پیگیری</translation>
    </message>
</context>
<context>
    <name>ComplaintActions</name>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="87"/>
        <source>Start &amp;working on it</source>
        <translation>&amp;شروع رسیدگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="88"/>
        <source>&amp;Escalate to a supervisor… (Ctrl+E)</source>
        <translation>&amp;ارجاع به سرپرست… (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="89"/>
        <source>&amp;Resolve… (Ctrl+R)</source>
        <translation>&amp;رفع شکایت… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="90"/>
        <source>C&amp;lose the complaint</source>
        <translation>&amp;بستن شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="91"/>
        <source>Re&amp;open</source>
        <translation>&amp;بازگشایی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="101"/>
        <source>Re&amp;port…</source>
        <translation>&amp;گزارش…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="102"/>
        <source>The incident report of this complaint, in the report centre</source>
        <translation>گزارش رویداد این شکایت، در مرکز گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="105"/>
        <source>&amp;History (Ctrl+H)</source>
        <translation>&amp;سابقه (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="106"/>
        <source>Who changed this complaint and when, in the audit log</source>
        <translation>چه کسی و کی این شکایت را تغییر داد، در سابقهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="128"/>
        <source>Only the person dealing with it or a supervisor can close it.</source>
        <translation>فقط مسئول رسیدگی یا یک سرپرست می‌تواند آن را ببندد.</translation>
    </message>
</context>
<context>
    <name>ComplaintDetails</name>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="146"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="147"/>
        <source>What happened</source>
        <translation>چه پیش آمد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="148"/>
        <source>What the customer wants</source>
        <translation>خواستهٔ مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="149"/>
        <source>Escalation</source>
        <translation>ارجاع</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="150"/>
        <source>Resolution</source>
        <translation>رفع</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="160"/>
        <source>Not identified</source>
        <translation>شناسایی نشده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="167"/>
        <source>To {0} on {1}: {2}</source>
        <translation>به {0} در {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="175"/>
        <source>will come back</source>
        <translation>بازمی‌گردد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="176"/>
        <source>will not come back</source>
        <translation>بازنمی‌گردد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="177"/>
        <source>may or may not come back</source>
        <translation>معلوم نیست بازگردد</translation>
    </message>
</context>
<context>
    <name>ComplaintModel</name>
    <message>
        <location filename="../../ui/pages/complaints.py" line="47"/>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="49"/>
        <source>Raised</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="52"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="54"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="58"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="61"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="63"/>
        <source>Who deals with it</source>
        <translation>مسئول رسیدگی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="68"/>
        <source>What happened</source>
        <translation>چه پیش آمد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="40"/>
        <source>Not identified</source>
        <translation>شناسایی نشده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="44"/>
        <source>{0}, overdue</source>
        <translation>{0}، سررسید گذشته</translation>
    </message>
</context>
<context>
    <name>ComplaintSettings</name>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="31"/>
        <source>Targets in hours, from the moment a complaint is raised</source>
        <translation>هدف‌ها به ساعت، از لحظهٔ ثبت شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="33"/>
        <location filename="../../ui/pages/complaint_settings.py" line="46"/>
        <source>First response</source>
        <translation>نخستین پاسخ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="34"/>
        <location filename="../../ui/pages/complaint_settings.py" line="46"/>
        <source>Resolution</source>
        <translation>رفع</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="45"/>
        <source>{0}: {1}, hours</source>
        <translation>{0}: {1}، به ساعت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="60"/>
        <source>Save the targets</source>
        <translation>ذخیرهٔ هدف‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="71"/>
        <source>Categories</source>
        <translation>دسته‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="72"/>
        <source>Add category</source>
        <translation>افزودن دسته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="73"/>
        <source>Category name in English</source>
        <translation>نام دسته به انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="74"/>
        <source>Category name in Persian</source>
        <translation>نام دسته به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaint_settings.py" line="95"/>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>ComplaintWindow</name>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="114"/>
        <source>History</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="336"/>
        <source>Throw away the comment?</source>
        <translation>یادداشت کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="337"/>
        <source>The comment you typed has not been added. Close the complaint and throw it away?</source>
        <translation>یادداشتی که نوشتید هنوز افزوده نشده است. شکایت بسته شود و یادداشت از دست برود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="211"/>
        <source>Complaint {0}: {1}</source>
        <translation>شکایت {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="219"/>
        <source>raised {0}</source>
        <translation>ثبت‌شده در {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="224"/>
        <source>first response due {0}</source>
        <translation>سررسید نخستین پاسخ {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="226"/>
        <source>resolution due {0}</source>
        <translation>سررسید رفع {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="229"/>
        <source>OVERDUE</source>
        <translation>سررسید گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="244"/>
        <source>{0}: now {1}</source>
        <translation>{0}: اکنون {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="247"/>
        <source>{0}: escalated to {1}</source>
        <translation>{0}: ارجاع به {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="250"/>
        <source>{0}: category now {1}</source>
        <translation>{0}: دسته اکنون {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="253"/>
        <source>{0}: given to {1}</source>
        <translation>{0}: سپرده به {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_window.py" line="255"/>
        <source>{0}: priority now {1}</source>
        <translation>{0}: اولویت اکنون {1}</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../ui/pages/complaints.py" line="124"/>
        <location filename="../../ui/pages/complaints.py" line="187"/>
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="127"/>
        <source>Calm-down sessions</source>
        <translation>جلسه‌های آرام کردن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="136"/>
        <source>New complaint…</source>
        <translation>شکایت جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="147"/>
        <source>All categories</source>
        <translation>همهٔ دسته‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="152"/>
        <source>All priorities</source>
        <translation>همهٔ اولویت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="163"/>
        <source>&amp;From</source>
        <translation>&amp;از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="164"/>
        <source>&amp;To</source>
        <translation>&amp;تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="182"/>
        <source>Which complaints</source>
        <translation>کدام شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="183"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="184"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="185"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="186"/>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="188"/>
        <source>Complaints or calm-down sessions</source>
        <translation>شکایت‌ها یا جلسه‌های آرام کردن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="191"/>
        <source>New complaint</source>
        <translation>شکایت جدید</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="192"/>
        <source>F4, from anywhere</source>
        <translation>F4، از هر جای برنامه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/complaints.py" line="269"/>
        <source>{0} complaints, {1} overdue</source>
        <translation>{0} شکایت، {1} سررسید گذشته</translation>
    </message>
</context>
<context>
    <name>ConflictNotice</name>
    <message>
        <location filename="../../ui/widgets.py" line="291"/>
        <source>&amp;Keep mine</source>
        <translation>&amp;نسخهٔ من بماند</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="293"/>
        <source>&amp;Take theirs</source>
        <translation>نسخهٔ &amp;آن‌ها را بپذیر</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="310"/>
        <source>They changed:</source>
        <translation>آن‌ها این‌ها را تغییر دادند:</translation>
    </message>
</context>
<context>
    <name>ConnectionIndicator</name>
    <message>
        <location filename="../../ui/connection.py" line="108"/>
        <source>Server unreachable since {0} — retrying</source>
        <translation>سرور از ساعت {0} در دسترس نیست — در حال تلاش دوباره</translation>
    </message>
    <message>
        <location filename="../../ui/connection.py" line="111"/>
        <source>The database server has not answered since {0}. The help desk keeps trying and carries on by itself when it answers; nothing you typed is lost.</source>
        <translation>سرور پایگاه داده از ساعت {0} پاسخ نداده است. میز خدمت مشتریان پیوسته تلاش می‌کند و هر وقت سرور پاسخ دهد، خودش ادامه می‌دهد؛ هرچه تایپ کرده‌اید از دست نمی‌رود.</translation>
    </message>
</context>
<context>
    <name>ContactDetails</name>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="290"/>
        <source>Contact</source>
        <translation>نوع ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="293"/>
        <source>Reason</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="296"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="301"/>
        <source>Type while you listen; everything is kept as you go.</source>
        <translation>هم‌زمان با گوش دادن بنویسید؛ هر چه می‌نویسید همان لحظه نگه داشته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="303"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="305"/>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="307"/>
        <source>Satisfaction</source>
        <translation>رضایت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="310"/>
        <source>Next step</source>
        <translation>گام بعدی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="313"/>
        <source>Duration</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="315"/>
        <source>Minutes and seconds, such as 4:30. It can be corrected after hanging up.</source>
        <translation>دقیقه و ثانیه، مانند ۴:۳۰. پس از پایان تماس می‌توانید آن را اصلاح کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="320"/>
        <source>Kind of contact</source>
        <translation>نوع ارتباط</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="321"/>
        <source>Direction</source>
        <translation>جهت</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ui/app.py" line="140"/>
        <source>The database could not be opened.</source>
        <translation>پایگاه داده باز نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="152"/>
        <source>Cannot open the database</source>
        <translation>پایگاه داده باز نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="158"/>
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="170"/>
        <source>The newest good backup was restored.</source>
        <translation>تازه‌ترین پشتیبان سالم بازیابی شد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="178"/>
        <source>Checking the database…</source>
        <translation>در حال بررسی پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="217"/>
        <source>Today&apos;s backup could not be made. The help desk works as usual; a supervisor can look at Settings ▸ Backups.</source>
        <translation>نسخهٔ پشتیبان امروز تهیه نشد. میز خدمت مشتریان مثل همیشه کار می‌کند؛ سرپرست می‌تواند «تنظیمات ◂ پشتیبان‌گیری» را ببیند.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="248"/>
        <source>Not signed in</source>
        <translation>هنوز وارد نشده‌اید</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="251"/>
        <source>No accounts yet</source>
        <translation>هنوز حسابی ساخته نشده است</translation>
    </message>
</context>
<context>
    <name>CustomerForm</name>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="186"/>
        <source>Edit customer</source>
        <translation>ویرایش مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="186"/>
        <source>New customer</source>
        <translation>مشتری جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="138"/>
        <source>Save (Ctrl+S)</source>
        <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="242"/>
        <source>Discard the changes?</source>
        <translation>تغییرات کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="243"/>
        <source>What you typed in this form has not been saved. Close it and lose what you typed?</source>
        <translation>آنچه در این فرم نوشته‌اید ذخیره نشده است. فرم بسته شود و نوشته‌ها از بین برود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="362"/>
        <source>same phone</source>
        <translation>تلفن یکسان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="363"/>
        <source>same e-mail</source>
        <translation>ایمیل یکسان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="364"/>
        <source>similar name</source>
        <translation>نام مشابه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="380"/>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="381"/>
        <source>Open {0}</source>
        <translation>باز کردن {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="386"/>
        <source>Save anyway</source>
        <translation>با این حال ذخیره شود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="401"/>
        <source>Open the existing customer?</source>
        <translation>مشتری موجود باز شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="402"/>
        <source>Open the existing customer and close this form? What you typed here is not saved.</source>
        <translation>مشتری موجود باز شود و این فرم بسته شود؟ آنچه اینجا نوشته‌اید ذخیره نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="414"/>
        <source>They changed:</source>
        <translation>تغییرات میز دیگر:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="422"/>
        <source>Save mine over theirs</source>
        <translation>ذخیرهٔ نسخهٔ من به جای نسخهٔ آن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="424"/>
        <source>Keep editing</source>
        <translation>ادامهٔ ویرایش</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../ui/pages/customers.py" line="76"/>
        <source>Search customers</source>
        <translation>جستجوی مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="77"/>
        <source>Search by name, phone, e-mail, organisation or notes (Ctrl+F)</source>
        <translation>جستجو در نام، تلفن، ایمیل، سازمان یا یادداشت‌ها (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="80"/>
        <source>New customer (Ctrl+N)</source>
        <translation>مشتری جدید (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="87"/>
        <source>Active and lost</source>
        <translation>فعال و از دست رفته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="91"/>
        <source>All segments</source>
        <translation>همهٔ گروه‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="98"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="99"/>
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="100"/>
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="118"/>
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="140"/>
        <source>Open (Enter)</source>
        <translation>باز کردن (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="141"/>
        <source>Import…</source>
        <translation>درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="142"/>
        <source>Export…</source>
        <translation>برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="209"/>
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="244"/>
        <source>Customers: more than {0}</source>
        <translation>مشتریان: بیش از {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="252"/>
        <source>Customers: {0}</source>
        <translation>مشتریان: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="406"/>
        <source>Import customers</source>
        <translation>درون‌ریزی مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="406"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>پرونده‌های CSV (*.csv);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="418"/>
        <source>Export customers</source>
        <translation>برون‌بری مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="418"/>
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="428"/>
        <source>Exporting…</source>
        <translation>در حال برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="440"/>
        <source>Exported {0} customers to {1}</source>
        <translation>{0} مشتری در {1} برون‌بری شد</translation>
    </message>
</context>
<context>
    <name>DamagedDatabase</name>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="33"/>
        <source>The database file is damaged</source>
        <translation>پروندهٔ پایگاه داده آسیب دیده است</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="34"/>
        <source>This file is not a help-desk database</source>
        <translation>این پرونده پایگاه دادهٔ میز پاسخگویی نیست</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="35"/>
        <source>The database file is empty</source>
        <translation>پروندهٔ پایگاه داده خالی است</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="38"/>
        <source>Part of the file cannot be read as it was written, or the file is shorter than it should be. This happens when a disk fails, or when the computer lost power or a copy stopped half-way. The help desk has not changed the file.</source>
        <translation>بخشی از پرونده همان‌طور که نوشته شده بود خوانده نمی‌شود، یا پرونده کوتاه‌تر از آن است که باید باشد. این وقتی پیش می‌آید که دیسک خراب شود، برق رایانه برود یا رونوشت‌برداری نیمه‌کاره بماند. میز پاسخگویی پرونده را تغییر نداده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="42"/>
        <source>The file that was chosen holds something else, not the help desk&apos;s data. The help desk has not changed it.</source>
        <translation>پروندهٔ انتخاب‌شده چیز دیگری در خود دارد، نه داده‌های میز پاسخگویی را. میز پاسخگویی آن را تغییر نداده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="46"/>
        <source>The file is there but holds nothing (0 bytes). A copy that failed, a full disk or a sync program can leave a file like this. The help desk did not start a new, empty database over it, so that nothing is hidden.</source>
        <translation>پرونده هست ولی چیزی در آن نیست (۰ بایت). رونوشتی که ناتمام مانده، دیسکی که پر شده یا برنامهٔ همگام‌سازی می‌تواند چنین پرونده‌ای به جا بگذارد. میز پاسخگویی روی آن پایگاه دادهٔ تازه و خالی نساخت تا چیزی پنهان نماند.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="52"/>
        <source>Restore the newest good backup, or ask whoever looks after the computers to do it. Keep the damaged file: it may still be repaired.</source>
        <translation>تازه‌ترین پشتیبان سالم را بازیابی کنید، یا از مسئول رایانه‌ها بخواهید این کار را بکند. پروندهٔ آسیب‌دیده را نگه دارید: شاید هنوز بشود آن را درست کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="56"/>
        <source>Start the help desk with the right database file, or restore the newest good backup.</source>
        <translation>میز پاسخگویی را با پروندهٔ درست پایگاه داده باز کنید، یا تازه‌ترین پشتیبان سالم را بازیابی کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="59"/>
        <source>Restore the newest good backup. To start a new, empty database instead, delete this file and start the help desk again.</source>
        <translation>تازه‌ترین پشتیبان سالم را بازیابی کنید. اگر به جای آن پایگاه دادهٔ تازه و خالی می‌خواهید، این پرونده را پاک کنید و میز پاسخگویی را دوباره باز کنید.</translation>
    </message>
</context>
<context>
    <name>DamagedDatabaseDialog</name>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="81"/>
        <source>Cannot open the database</source>
        <translation>پایگاه داده باز نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="91"/>
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="98"/>
        <source>Technical details</source>
        <translation>جزئیات فنی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="119"/>
        <source>Restore the newest good backup…</source>
        <translation>بازیابی تازه‌ترین پشتیبان سالم…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="124"/>
        <source>The newest good backup was taken {0}.</source>
        <translation>تازه‌ترین پشتیبان سالم در {0} گرفته شده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="135"/>
        <source>Supervisor&apos;s user name</source>
        <translation>نام کاربری سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="136"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/damaged.py" line="137"/>
        <source>Restore</source>
        <translation>بازیابی</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="82"/>
        <source>Good day, {0}</source>
        <translation>روز بخیر، {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89"/>
        <source>New call (F2)</source>
        <translation>تماس جدید (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="91"/>
        <source>New walk-in visit (Shift+F2)</source>
        <translation>مراجعهٔ حضوری جدید (Shift+F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="98"/>
        <source>contacts today</source>
        <translation>ارتباط امروز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="100"/>
        <source>open complaints</source>
        <translation>شکایت باز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="102"/>
        <source>overdue complaints</source>
        <translation>شکایت سررسید گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="113"/>
        <source>Satisfaction, last 30 days</source>
        <translation>رضایت در ۳۰ روز گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="121"/>
        <source>Recent escalations</source>
        <translation>ارجاع‌های اخیر</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="135"/>
        <source>Follow-ups and callbacks due, whole office</source>
        <translation>پیگیری‌ها و تماس‌های برگشتی سررسیده، کل مجموعه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="137"/>
        <source>Your follow-ups and callbacks due</source>
        <translation>پیگیری‌ها و تماس‌های برگشتی سررسیدهٔ شما</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="225"/>
        <source>follow-ups due or overdue, whole office</source>
        <translation>پیگیری سررسیده یا گذشته، کل مجموعه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="225"/>
        <source>your follow-ups due or overdue</source>
        <translation>پیگیری سررسیده یا گذشتهٔ شما</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="255"/>
        <source>Of those asked: {0}</source>
        <translation>از پاسخ‌دهندگان: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="257"/>
        <source>No contacts with a satisfaction answer in the last 30 days.</source>
        <translation>در ۳۰ روز گذشته پاسخی دربارهٔ رضایت ثبت نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="260"/>
        <source>{0} · complaint {1} · {2}: {3}</source>
        <translation>{0} · شکایت {1} · {2}: {3}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="263"/>
        <source>Not identified</source>
        <translation>شناسایی نشده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="272"/>
        <source>No escalations yet.</source>
        <translation>هنوز ارجاعی نیست.</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <location filename="../../ui/lock.py" line="252"/>
        <source>&amp;Lock the desk</source>
        <translation>&amp;قفل کردن میز</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="344"/>
        <location filename="../../ui/lock.py" line="346"/>
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="388"/>
        <source>This desk is locked.</source>
        <translation>این میز قفل است.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="397"/>
        <location filename="../../ui/lock.py" line="402"/>
        <location filename="../../ui/lock.py" line="454"/>
        <source>Locked</source>
        <translation>قفل است</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="490"/>
        <source>Type the user name of the person signing in.</source>
        <translation>نام کاربری کسی را که وارد می‌شود بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="494"/>
        <source>Type the password.</source>
        <translation>گذرواژه را بنویسید.</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="27"/>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="29"/>
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="32"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="34"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="38"/>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="41"/>
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="45"/>
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
</context>
<context>
    <name>DiscussionSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="256"/>
        <location filename="../../ui/dialogs/sections/complaint.py" line="285"/>
        <source>Discussion</source>
        <translation>گفت‌وگو</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="267"/>
        <location filename="../../ui/dialogs/sections/complaint.py" line="286"/>
        <source>Add a comment</source>
        <translation>یادداشتی بنویسید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="275"/>
        <source>Add &amp;comment (Ctrl+Enter)</source>
        <translation>&amp;افزودن یادداشت (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>EntryView</name>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="300"/>
        <source>Fields before and after</source>
        <translation>فیلدها پیش و پس از تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="301"/>
        <source>Field</source>
        <translation>فیلد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="301"/>
        <source>Before</source>
        <translation>پیش از تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="301"/>
        <source>After</source>
        <translation>پس از تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="311"/>
        <source>Fields marked ● were changed by this entry.</source>
        <translation>فیلدهای نشان‌دار با ● در این مورد تغییر کرده‌اند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="321"/>
        <source>Choose an entry to see its fields before and after.</source>
        <translation>موردی را انتخاب کنید تا فیلدهایش را پیش و پس از تغییر ببینید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="324"/>
        <source>the help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/audit_log.py" line="326"/>
        <source>{0} — {1}, by {2}, {3}</source>
        <translation>{0} — {1}، توسط {2}، {3}</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="20"/>
        <source>Unexpected error</source>
        <translation>خطای پیش‌بینی‌نشده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="24"/>
        <source>Something unexpected went wrong. What you were working on has been kept where possible. Please copy this report and send it to whoever supports the help desk.</source>
        <translation>مشکلی پیش‌بینی‌نشده رخ داد. تا جایی که ممکن بوده، کار شما نگه داشته شده است. لطفاً این گزارش را کپی کنید و برای پشتیبان میز خدمت مشتریان بفرستید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="35"/>
        <source>Copy report</source>
        <translation>کپی گزارش</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="42"/>
        <source>Copied</source>
        <translation>کپی شد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="46"/>
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
</context>
<context>
    <name>EscalateDialog</name>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="244"/>
        <source>Escalate to a supervisor</source>
        <translation>ارجاع به سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="244"/>
        <source>Escalate now</source>
        <translation>همین حالا ارجاع شود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="250"/>
        <source>Why</source>
        <translation>چرا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="252"/>
        <source>To</source>
        <translation>به</translation>
    </message>
</context>
<context>
    <name>EscalateNowDialog</name>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="105"/>
        <source>Escalate now</source>
        <translation>همین حالا ارجاع شود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="112"/>
        <source>At the step</source>
        <translation>مرحله</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="114"/>
        <source>Why</source>
        <translation>چرا</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="115"/>
        <source>What the customer wants from a supervisor</source>
        <translation>مشتری از سرپرست چه می‌خواهد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/calm_window.py" line="120"/>
        <source>Calm-down session, step “{0}”: </source>
        <translation>جلسهٔ آرام کردن مشتری، مرحلهٔ «{0}»: </translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="41"/>
        <source>Welcome to the help desk</source>
        <translation>به میز خدمت مشتریان خوش آمدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="41"/>
        <source>Create account</source>
        <translation>ایجاد حساب</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="46"/>
        <source>This database is new. The first account is a supervisor, who can then add the front-desk staff and other supervisors in Settings.</source>
        <translation>این پایگاه داده تازه است. نخستین حساب از آنِ یک سرپرست است که پس از آن می‌تواند حساب کارکنان پذیرش و سرپرستان دیگر را در «تنظیمات» بسازد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="51"/>
        <source>Create the first supervisor account</source>
        <translation>ساختن حساب نخستین سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="53"/>
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="55"/>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="57"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="59"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="61"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>FollowUpModel</name>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="63"/>
        <source>Due</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="67"/>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="71"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="74"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="75"/>
        <source>Promised</source>
        <translation>قول داده‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="76"/>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="101"/>
        <source>Called once</source>
        <translation>یک بار تماس گرفت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="102"/>
        <source>Called {0} times</source>
        <translation>{0} بار تماس گرفت</translation>
    </message>
</context>
<context>
    <name>FollowUpQueue</name>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="137"/>
        <source>Mine</source>
        <translation>مال من</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="138"/>
        <source>Everyone&apos;s</source>
        <translation>همه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="141"/>
        <source>Call &amp;back</source>
        <translation>تماس &amp;برگشتی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="143"/>
        <source>Call the customer now; saving the call completes the follow-up</source>
        <translation>همین حالا با مشتری تماس بگیرید؛ با ذخیرهٔ تماس، پیگیری انجام‌شده ثبت می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="145"/>
        <location filename="../../ui/pages/follow_ups.py" line="163"/>
        <source>Cancel follow-up</source>
        <translation>لغو پیگیری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="161"/>
        <source>Whose follow-ups</source>
        <translation>پیگیری‌های چه کسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="162"/>
        <source>Call back</source>
        <translation>تماس برگشتی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="164"/>
        <source>Follow-ups due: Enter calls back</source>
        <translation>پیگیری‌های سررسیده: Enter برای تماس برگشتی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="185"/>
        <source>No follow-ups due. Every promise is kept.</source>
        <translation>پیگیری سررسیده‌ای نیست. به همهٔ قول‌ها عمل شده است.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="188"/>
        <source>{0} overdue, {1} due today</source>
        <translation>{0} سررسید گذشته، {1} سررسید امروز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="213"/>
        <source>Cancel this follow-up?</source>
        <translation>این پیگیری لغو شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/pages/follow_ups.py" line="214"/>
        <source>“{0}” for {1} will no longer be expected.</source>
        <translation>«{0}» برای {1} دیگر انتظار نمی‌رود.</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="335"/>
        <location filename="../../ui/dialogs/sections/call.py" line="360"/>
        <source>Promise a follow-up</source>
        <translation>قول پیگیری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="341"/>
        <source>Due</source>
        <translation>سررسید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="348"/>
        <source>Who</source>
        <translation>چه کسی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="354"/>
        <source>Promised</source>
        <translation>قول داده‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/call.py" line="356"/>
        <source>What you told the customer you would do</source>
        <translation>کاری که به مشتری قول دادید انجام دهید</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/widgets.py" line="380"/>
        <source>Discard what you typed?</source>
        <translation>نوشته‌ها کنار گذاشته شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="381"/>
        <source>What you typed in this window has not been saved. Close it and lose what you typed?</source>
        <translation>آنچه در این پنجره نوشته‌اید ذخیره نشده است. پنجره بسته شود و نوشته‌ها از بین برود؟</translation>
    </message>
</context>
<context>
    <name>IdentitySection</name>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="205"/>
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="207"/>
        <source>Family name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="209"/>
        <source>Organisation name</source>
        <translation>نام سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="211"/>
        <source>Works for</source>
        <translation>سازمان محل کار</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="212"/>
        <source>Type to choose an organisation</source>
        <translation>برای انتخاب سازمان تایپ کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="223"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
</context>
<context>
    <name>ImportCustomersDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="65"/>
        <source>Kind (person or organisation)</source>
        <translation>نوع (شخص یا سازمان)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="66"/>
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="67"/>
        <source>Family name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="68"/>
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="69"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="70"/>
        <source>Second phone</source>
        <translation>تلفن دوم</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="71"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="72"/>
        <source>Preferred language</source>
        <translation>زبان ترجیحی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="73"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="74"/>
        <source>How they found us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="75"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="76"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="81"/>
        <source>This is required.</source>
        <translation>پر کردن این بخش لازم است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="82"/>
        <source>A person needs a given name or a family name.</source>
        <translation>برای شخص، نام یا نام خانوادگی لازم است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="83"/>
        <source>Longer than {limit} characters.</source>
        <translation>بیش از {limit} نویسه است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="84"/>
        <source>More than {limit} values.</source>
        <translation>بیش از {limit} مقدار است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="85"/>
        <source>Not a valid phone number: use digits, spaces, dashes and a leading +.</source>
        <translation>شمارهٔ تلفن معتبر نیست: فقط رقم، فاصله، خط تیره و + در آغاز.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="88"/>
        <source>Not a valid phone number.</source>
        <translation>شمارهٔ تلفن معتبر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="89"/>
        <source>The same phone number is given twice.</source>
        <translation>یک شمارهٔ تلفن دو بار آمده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="90"/>
        <source>Not a valid e-mail address.</source>
        <translation>نشانی ایمیل معتبر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="91"/>
        <source>The same e-mail address is given twice.</source>
        <translation>یک نشانی ایمیل دو بار آمده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="92"/>
        <source>Use one of: {choices}.</source>
        <translation>یکی از این‌ها را به کار ببرید: {choices}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="93"/>
        <source>The row has more values than the header has columns.</source>
        <translation>این سطر بیش از ستون‌های سرِ پرونده مقدار دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="98"/>
        <source>The file cannot be read. Check that it still exists and that you may open it.</source>
        <translation>پرونده خوانده نمی‌شود. بررسی کنید که هنوز وجود دارد و اجازهٔ باز کردن آن را دارید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="101"/>
        <source>The file is not in UTF-8. In Excel, save it as &quot;CSV UTF-8&quot; and choose it again.</source>
        <translation>پرونده با کدگذاری UTF-8 نیست. در Excel آن را با قالب «CSV UTF-8» ذخیره کنید و دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="104"/>
        <source>The file is empty: its first line should name the columns.</source>
        <translation>پرونده خالی است: سطر اول باید نام ستون‌ها را داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="107"/>
        <source>No column holds a name. Choose which column is the given name, the family name or the organisation.</source>
        <translation>هیچ ستونی نام را ندارد. مشخص کنید کدام ستون نام، نام خانوادگی یا نام سازمان است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="111"/>
        <source>Two columns are set to &quot;{field}&quot;. Set one of them to &quot;Ignore&quot;.</source>
        <translation>دو ستون روی «{field}» تنظیم شده‌اند. یکی از آن‌ها را روی «نادیده گرفتن» بگذارید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="114"/>
        <source>The rejected rows cannot be written to {path}, so nothing was imported. Make sure you may write in that folder, then try again.</source>
        <translation>سطرهای ردشده در {path} نوشته نمی‌شوند، پس چیزی درون‌ریزی نشد. بررسی کنید اجازهٔ نوشتن در آن پوشه را دارید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="229"/>
        <source>Import customers</source>
        <translation>درون‌ریزی مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="233"/>
        <source>File: {0}</source>
        <translation>پرونده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="238"/>
        <source>What each column holds</source>
        <translation>محتوای هر ستون</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="258"/>
        <source>Preview of the rows</source>
        <translation>پیش‌نمایش ردیف‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="280"/>
        <source>Import</source>
        <translation>درون‌ریزی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="294"/>
        <source>Import the good rows (Ctrl+S)</source>
        <translation>درون‌ریزی ردیف‌های درست (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="306"/>
        <source>Ignore</source>
        <translation>نادیده گرفتن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="311"/>
        <source>(no name)</source>
        <translation>(بی‌نام)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="320"/>
        <source>Reading the file…</source>
        <translation>در حال خواندن پرونده…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="357"/>
        <location filename="../../ui/dialogs/import_customers.py" line="401"/>
        <location filename="../../ui/dialogs/import_customers.py" line="414"/>
        <source>{0} rows will be imported, {1} have problems.</source>
        <translation>{0} سطر درون‌ریزی می‌شود و {1} سطر مشکل دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="383"/>
        <source>Importing…</source>
        <translation>در حال درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="417"/>
        <source>{0} customers were imported.</source>
        <translation>{0} مشتری درون‌ریزی شد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="419"/>
        <source>{0} rows were not imported. They are listed, each with its reason, in {1}</source>
        <translation>{0} سطر درون‌ریزی نشد. فهرست آن‌ها با علت هر کدام در {1} است</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="425"/>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="119"/>
        <source>Kind of phone</source>
        <translation>نوع تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="127"/>
        <location filename="../../ui/dialogs/sections/customer.py" line="128"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="114"/>
        <source>This desk is locked.</source>
        <translation>این میز قفل است.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="123"/>
        <location filename="../../ui/lock.py" line="124"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="128"/>
        <location filename="../../ui/lock.py" line="129"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="132"/>
        <location filename="../../ui/lock.py" line="169"/>
        <source>Unlock</source>
        <translation>باز کردن قفل</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="136"/>
        <location filename="../../ui/lock.py" line="171"/>
        <source>Sign in as someone else</source>
        <translation>ورود با حساب کس دیگری</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="157"/>
        <source>Signed in: {0}</source>
        <translation>کاربر واردشده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="169"/>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="171"/>
        <source>Back to the person signed in</source>
        <translation>بازگشت به کاربر واردشده</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/i18n.py" line="174"/>
        <location filename="../../ui/mainwindow.py" line="85"/>
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="111"/>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="114"/>
        <source>Dismiss</source>
        <translation>بستن پیام</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="70"/>
        <location filename="../../ui/mainwindow.py" line="136"/>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="71"/>
        <location filename="../../ui/mainwindow.py" line="137"/>
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="72"/>
        <location filename="../../ui/mainwindow.py" line="138"/>
        <source>Calls</source>
        <translation>تماس‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="73"/>
        <location filename="../../ui/mainwindow.py" line="139"/>
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="74"/>
        <location filename="../../ui/mainwindow.py" line="140"/>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="75"/>
        <location filename="../../ui/mainwindow.py" line="141"/>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="76"/>
        <location filename="../../ui/mainwindow.py" line="142"/>
        <source>Audit log</source>
        <translation>سابقهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="229"/>
        <source>Not signed in</source>
        <translation>هنوز وارد نشده‌اید</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="258"/>
        <source>Signed out</source>
        <translation>خروج از حساب</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="260"/>
        <source>A supervisor has deactivated your account, so you have been signed out. Unfinished calls are kept for when you sign in again.</source>
        <translation>یک سرپرست حساب شما را غیرفعال کرده است، از این رو از حساب خارج شدید. تماس‌های ناتمام برای ورود دوباره‌تان نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="278"/>
        <source>Your role changed</source>
        <translation>نقش شما تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="394"/>
        <source>The audit log is for supervisors.</source>
        <translation>سابقهٔ تغییرات برای سرپرستان است.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="589"/>
        <source>There is no phone number to dial.</source>
        <translation>شماره تلفنی برای گرفتن نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="599"/>
        <source>The phone system is not connected, so it cannot dial. Dial the number by hand.</source>
        <translation>سامانهٔ تلفن وصل نیست و نمی‌تواند شماره بگیرد. شماره را خودتان بگیرید.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="611"/>
        <source>The phone system could not dial: {0}</source>
        <translation>سامانهٔ تلفن نتوانست شماره بگیرد: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="689"/>
        <source>A call left on this computer had already been saved before the help desk closed; it was not stored again.</source>
        <translation>تماسی که روی این رایانه مانده بود پیش از بسته شدن برنامه ذخیره شده بود؛ دوباره ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="705"/>
        <source>Restore the unfinished visit?</source>
        <translation>مراجعهٔ ناتمام بازگردانده شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="707"/>
        <source>A visit started at {0} was not saved when the help desk closed.

{1}

Restore it now? If you answer No, it is thrown away.</source>
        <translation>مراجعه‌ای که در {0} شروع شد، هنگام بسته شدن میز خدمات ذخیره نشده بود.

{1}

اکنون بازگردانده شود؟ اگر «نه» بگویید، دور ریخته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="711"/>
        <source>Restore the unfinished call?</source>
        <translation>تماس ناتمام بازگردانده شود؟</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="713"/>
        <source>A call started at {0} was not saved when the help desk closed.

{1}

Restore it now? If you answer No, it is thrown away.</source>
        <translation>تماسی که در {0} شروع شده بود هنگام بسته شدن برنامه ذخیره نشد.

{1}

اکنون بازگردانده شود؟ اگر «نه» را بزنید، دور انداخته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="727"/>
        <source>Resume the calm-down session?</source>
        <translation>جلسهٔ آرام کردن مشتری ادامه یابد؟</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="728"/>
        <source>A calm-down session was interrupted. Resume it where you left it?</source>
        <translation>یک جلسهٔ آرام کردن مشتری نیمه‌کاره ماند. از همان‌جا ادامه یابد؟</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="749"/>
        <source>A follow-up is due: see the Calls page.</source>
        <translation>زمان یک پیگیری رسیده است: صفحهٔ تماس‌ها را ببینید.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="763"/>
        <source>{0} ({1} overdue)</source>
        <translation>{0} ({1} سررسید گذشته)</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="63"/>
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="80"/>
        <source>Sign &amp;out</source>
        <translation>&amp;خروج از حساب</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="81"/>
        <source>&amp;Quit</source>
        <translation>&amp;بستن برنامه</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="64"/>
        <source>&amp;Go</source>
        <translation>&amp;رفتن به</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="65"/>
        <source>&amp;Calls</source>
        <translation>&amp;تماس‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="83"/>
        <source>New &amp;call</source>
        <translation>تماس &amp;جدید</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="84"/>
        <source>New &amp;walk-in visit</source>
        <translation>مراجعهٔ &amp;حضوری جدید</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="88"/>
        <source>Calm an &amp;angry customer</source>
        <translation>آرام کردن مشتری &amp;عصبانی</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="94"/>
        <source>New com&amp;plaint…</source>
        <translation>&amp;شکایت جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="66"/>
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="98"/>
        <source>&amp;Simulate a phone call</source>
        <translation>&amp;شبیه‌سازی یک تماس تلفنی</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="101"/>
        <source>Ring this desk with a demo customer&apos;s number, to see what happens when the phone system rings</source>
        <translation>این میز را با شمارهٔ یک مشتری نمونه زنگ بزنید تا ببینید وقتی سامانهٔ تلفن زنگ می‌زند چه می‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="109"/>
        <source>Open the &amp;log folder</source>
        <translation>باز کردن پوشهٔ &amp;رویدادنگاری</translation>
    </message>
    <message>
        <location filename="../../ui/actions.py" line="118"/>
        <source>&amp;About the help desk</source>
        <translation>&amp;دربارهٔ میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="162"/>
        <location filename="../../ui/mainwindow.py" line="269"/>
        <source>Signed in as {0} ({1})</source>
        <translation>واردشده: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="94"/>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="279"/>
        <source>A supervisor changed your role. It is now: {0}.</source>
        <translation>یک سرپرست نقش شما را تغییر داد. نقش کنونی شما: {0}.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="844"/>
        <source>Opening the database…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="846"/>
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
</context>
<context>
    <name>ManageSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="194"/>
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="206"/>
        <location filename="../../ui/dialogs/sections/complaint.py" line="217"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="207"/>
        <location filename="../../ui/dialogs/sections/complaint.py" line="218"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/complaint.py" line="208"/>
        <location filename="../../ui/dialogs/sections/complaint.py" line="219"/>
        <source>Who deals with it</source>
        <translation>مسئول رسیدگی</translation>
    </message>
</context>
<context>
    <name>MarkLostDialog</name>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="20"/>
        <source>Mark as lost</source>
        <translation>ثبت به‌عنوان از دست رفته</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="25"/>
        <source>Why did we lose {0}?</source>
        <translation>چرا {0} را از دست دادیم؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="34"/>
        <source>Choose a reason</source>
        <translation>علت را انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="37"/>
        <source>Reason</source>
        <translation>علت</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="51"/>
        <source>Merge customers</source>
        <translation>ادغام مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="51"/>
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="59"/>
        <source>Choose the customer to merge into {0}. Their phones, e-mails, tags, notes and history move to {0}; this cannot be undone.</source>
        <translation>مشتری‌ای را که باید در {0} ادغام شود انتخاب کنید. تلفن‌ها، ایمیل‌ها، برچسب‌ها، یادداشت‌ها و سوابق او به {0} منتقل می‌شود؛ این کار بازگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="67"/>
        <source>Find</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="71"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="23"/>
        <source>The database cannot be reached. Check that the database server is running and that this computer is connected to the network, then try again.</source>
        <translation>دسترسی به پایگاه داده ممکن نیست. بررسی کنید که سرور پایگاه داده روشن باشد و این رایانه به شبکه وصل باشد، سپس دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27"/>
        <source>Another desk kept the database busy for more than 15 seconds, so this was not saved. Everything you typed is still here: save again in a moment. If it keeps happening, ask whoever looks after the computers to check the computer that holds the database.</source>
        <translation>میز دیگری بیش از ۱۵ ثانیه پایگاه داده را مشغول نگه داشت، پس این ذخیره نشد. هر چه نوشته‌اید همین‌جا مانده است: چند لحظه بعد دوباره ذخیره کنید. اگر باز هم پیش آمد، از مسئول رایانه‌ها بخواهید رایانه‌ای را که پایگاه داده روی آن است بررسی کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31"/>
        <source>The database can only be read, not changed. Ask whoever looks after this computer to give you write access to the database file or folder.</source>
        <translation>پایگاه داده فقط‌خواندنی است و نمی‌توان در آن تغییری داد. از مسئول این رایانه بخواهید اجازهٔ نوشتن در پرونده یا پوشهٔ پایگاه داده را به شما بدهد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35"/>
        <source>The disk is full, so nothing more can be saved. Free some space on the disk, then try again. Nothing you typed has been lost.</source>
        <translation>دیسک پر است و چیز دیگری ذخیره نمی‌شود. مقداری از فضای دیسک را آزاد کنید و دوباره تلاش کنید. چیزی از نوشته‌های شما از دست نرفته است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39"/>
        <source>This file is not a help-desk database, or it is damaged. Choose another file, or restore the latest backup copy.</source>
        <translation>این پرونده پایگاه دادهٔ میز خدمت مشتریان نیست یا آسیب دیده است. پروندهٔ دیگری انتخاب کنید یا آخرین نسخهٔ پشتیبان را بازیابی کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43"/>
        <source>This database was written by a newer version of the help desk (schema {found}; this version understands up to {supported}). It has not been changed. Install the newer version of the app to open it.</source>
        <translation>این پایگاه داده با نسخهٔ جدیدتری از میز خدمت مشتریان نوشته شده است (نسخهٔ ساختار {found}؛ این نسخه تا {supported} را می‌شناسد). هیچ تغییری در آن داده نشد. برای باز کردن آن، نسخهٔ جدیدتر برنامه را نصب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48"/>
        <source>The user name or password is not right.</source>
        <translation>نام کاربری یا گذرواژه درست نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49"/>
        <source>Too many wrong passwords. This account is locked until {until}. A supervisor can unlock it by resetting the password.</source>
        <translation>گذرواژه چند بار اشتباه وارد شد. این حساب تا ساعت {until} قفل است. سرپرست می‌تواند با تعیین گذرواژهٔ جدید آن را باز کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53"/>
        <source>This account has been deactivated. Ask a supervisor.</source>
        <translation>این حساب غیرفعال شده است. با سرپرست هماهنگ کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54"/>
        <source>This account has records, so it cannot be deleted. Deactivate it instead.</source>
        <translation>این حساب سوابقی دارد و حذف نمی‌شود. به جای حذف، آن را غیرفعال کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="57"/>
        <source>Only a supervisor can do this.</source>
        <translation>فقط سرپرست اجازهٔ این کار را دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58"/>
        <source>That record no longer exists. Another desk may have removed it.</source>
        <translation>این مورد دیگر وجود ندارد. شاید میز دیگری آن را حذف کرده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60"/>
        <source>This is required.</source>
        <translation>پر کردن این بخش لازم است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61"/>
        <source>Use 3 to 64 letters, digits, dots, dashes or underscores, without spaces.</source>
        <translation>از ۳ تا ۶۴ حرف، رقم، نقطه، خط تیره یا زیرخط، بدون فاصله، استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="64"/>
        <source>This user name is already taken.</source>
        <translation>این نام کاربری پیش‌تر گرفته شده است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="65"/>
        <source>This name is already in the list. If it is no longer offered, choose it in the list and offer it again.</source>
        <translation>این نام در فهرست هست. اگر دیگر پیشنهاد نمی‌شود، آن را در فهرست برگزینید و دوباره پیشنهاد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="69"/>
        <source>Use at least {minimum} characters.</source>
        <translation>دست‌کم {minimum} نویسه وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="70"/>
        <source>The two passwords are not the same.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="71"/>
        <source>This is not your current password.</source>
        <translation>این گذرواژهٔ فعلی شما نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="72"/>
        <source>Use at most {limit} characters.</source>
        <translation>حداکثر {limit} نویسه وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="73"/>
        <source>This text holds a broken character that cannot be saved (it can come with pasted text). Delete it, or type the text again.</source>
        <translation>این متن نویسهٔ خرابی دارد که ذخیره نمی‌شود (ممکن است با متنِ چسبانده‌شده آمده باشد). آن را پاک کنید یا متن را دوباره بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="77"/>
        <source>This date is too far in the past or the future. Choose a nearer one.</source>
        <translation>این تاریخ بیش از حد در گذشته یا آینده است. تاریخ نزدیک‌تری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="78"/>
        <source>A report covers at most {years} years. Choose a shorter period.</source>
        <translation>هر گزارش حداکثر {years} سال را در بر می‌گیرد. بازهٔ کوتاه‌تری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="79"/>
        <source>Choose one of the options.</source>
        <translation>یکی از گزینه‌ها را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="80"/>
        <source>Type a given name or a family name.</source>
        <translation>نام یا نام خانوادگی را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="81"/>
        <source>A phone number has only digits, spaces, dashes and a leading + or 00.</source>
        <translation>شمارهٔ تلفن فقط رقم، فاصله، خط تیره و + یا ۰۰ در آغاز دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="84"/>
        <source>This is not a valid phone number. Check the digits, or add the country code (+44 …).</source>
        <translation>این شمارهٔ تلفن معتبر نیست. رقم‌ها را بررسی کنید، یا پیش‌شمارهٔ کشور را بیفزایید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="87"/>
        <source>This number is already in the list.</source>
        <translation>این شماره در فهرست هست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="88"/>
        <source>This is not a valid e-mail address, for example name@example.com.</source>
        <translation>این نشانی ایمیل معتبر نیست؛ نمونهٔ درست: name@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89"/>
        <source>This address is already in the list.</source>
        <translation>این نشانی در فهرست هست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="90"/>
        <source>Choose an organisation from the list, or add it as a customer first.</source>
        <translation>سازمان را از فهرست انتخاب کنید، یا نخست آن را به‌عنوان مشتری ثبت کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="93"/>
        <source>At most {limit}.</source>
        <translation>حداکثر {limit}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="94"/>
        <source>The file {path} cannot be written. Choose another folder or file name.</source>
        <translation>پروندهٔ {path} نوشته نمی‌شود. پوشه یا نام دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="97"/>
        <source>Some fields need attention; see the messages next to them.</source>
        <translation>چند بخش نیاز به اصلاح دارد؛ پیام کنار هر کدام را ببینید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="98"/>
        <source>This may be a customer we already have.</source>
        <translation>شاید این مشتری پیش‌تر ثبت شده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="99"/>
        <source>Another desk saved this customer while you were editing it.</source>
        <translation>در مدتی که شما این مشتری را ویرایش می‌کردید، میز دیگری آن را ذخیره کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="100"/>
        <source>Someone saved this contact after you opened it, so your correction was not saved yet.</source>
        <translation>کس دیگری پس از باز کردن شما این ارتباط را ذخیره کرد، پس اصلاح شما هنوز ذخیره نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111"/>
        <source>The call cannot be answered before it rang.</source>
        <translation>تماس پیش از زنگ خوردن نمی‌تواند پاسخ داده شده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112"/>
        <source>The call cannot be answered after it ended.</source>
        <translation>تماس پس از پایانش نمی‌تواند پاسخ داده شده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="120"/>
        <source>Someone changed this complaint after you opened it, so your change was not saved yet.</source>
        <translation>کس دیگری پس از باز کردن شما این شکایت را تغییر داد، پس تغییر شما هنوز ذخیره نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="103"/>
        <source>Someone else saved this after you opened it; nothing of yours was written. Look at their change, then save again.</source>
        <translation>کس دیگری پس از باز کردن شما این را ذخیره کرد؛ چیزی از تغییرات شما نوشته نشد. تغییر او را ببینید و دوباره ذخیره کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="107"/>
        <source>This contact was already saved; it was not stored again.</source>
        <translation>این تماس پیش‌تر ذخیره شده بود؛ دوباره ذخیره نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="108"/>
        <source>Ask how satisfied the customer is, or choose “Not asked”.</source>
        <translation>میزان رضایت مشتری را بپرسید، یا «پرسیده نشد» را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109"/>
        <source>The duration must be between 0 and 24 hours.</source>
        <translation>مدت باید بین ۰ تا ۲۴ ساعت باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110"/>
        <source>The end cannot be before the start.</source>
        <translation>پایان نمی‌تواند پیش از شروع باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="113"/>
        <source>Choose the customer first: a follow-up needs someone to come back to.</source>
        <translation>نخست مشتری را انتخاب کنید: پیگیری به کسی نیاز دارد که به او برگردیم.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116"/>
        <source>This account is deactivated; choose someone else.</source>
        <translation>این حساب غیرفعال است؛ کس دیگری را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117"/>
        <source>This follow-up has already been completed or cancelled.</source>
        <translation>این پیگیری پیش‌تر انجام یا لغو شده است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118"/>
        <source>Use a number from {minimum} to {maximum}.</source>
        <translation>عددی از {minimum} تا {maximum} بنویسید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="119"/>
        <source>The complaint has moved on meanwhile; look at its state again.</source>
        <translation>در این فاصله وضعیت شکایت تغییر کرده است؛ دوباره به آن نگاه کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123"/>
        <source>Rate the customer&apos;s anger from 1 to 5.</source>
        <translation>میزان عصبانیت مشتری را از ۱ تا ۵ مشخص کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124"/>
        <source>Say why it needs a supervisor.</source>
        <translation>بنویسید چرا به سرپرست نیاز دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125"/>
        <source>Choose a supervisor.</source>
        <translation>یک سرپرست انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126"/>
        <source>The time to resolve cannot be shorter than the time to first response.</source>
        <translation>زمان رفع نمی‌تواند کوتاه‌تر از زمان نخستین پاسخ باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="129"/>
        <source>This is not a PNG or JPEG picture. Choose the logo as a .png or .jpg file.</source>
        <translation>این فایل تصویر PNG یا JPEG نیست. نشان را به‌صورت فایل ‎.png‎ یا ‎.jpg‎ انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132"/>
        <source>The picture is larger than {limit} KB. Choose a smaller one.</source>
        <translation>تصویر بزرگ‌تر از {limit} کیلوبایت است. تصویر کوچک‌تری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="134"/>
        <source>The backup could not be made: the copy could not be written or did not pass its check, so it was deleted. Check that the backups folder has free space and is reachable, then try again.</source>
        <translation>نسخهٔ پشتیبان تهیه نشد: نسخه نوشته نشد یا از بررسی سالم بیرون نیامد، پس پاک شد. بررسی کنید که پوشهٔ نسخه‌های پشتیبان فضای خالی دارد و در دسترس است، سپس دوباره امتحان کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="138"/>
        <source>This backup is damaged or is not a help-desk database, so it was not restored. Nothing has been replaced. Choose another backup.</source>
        <translation>این نسخهٔ پشتیبان آسیب دیده است یا پایگاه دادهٔ میز خدمت مشتریان نیست، پس بازیابی نشد. چیزی جایگزین نشده است. نسخهٔ پشتیبان دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142"/>
        <source>The backups cannot be written to this folder. Choose a folder you can write to (another disk, a USB drive or a network folder).</source>
        <translation>نسخه‌های پشتیبان را نمی‌توان در این پوشه نوشت. پوشه‌ای انتخاب کنید که بتوانید در آن بنویسید (دیسکی دیگر، حافظهٔ USB یا پوشه‌ای در شبکه).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="146"/>
        <source>The backup could not be put in place, because the current data could not be kept aside first. Nothing has been replaced. Check that the database&apos;s folder has free space and can be written to.</source>
        <translation>نسخهٔ پشتیبان جایگزین نشد، چون داده‌های کنونی را نمی‌شد پیش از آن کنار گذاشت. چیزی جایگزین نشده است. بررسی کنید که پوشهٔ پایگاه داده فضای خالی دارد و می‌توان در آن نوشت.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150"/>
        <source>A database on a server is not restored from here. Load the backup into a new server database with copy-database, as the README explains.</source>
        <translation>پایگاه داده‌ای که روی سرور است از اینجا بازیابی نمی‌شود. همان‌طور که راهنمای README می‌گوید، نسخهٔ پشتیبان را با copy-database در یک پایگاه دادهٔ تازه روی سرور بارگذاری کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155"/>
        <source>An extension has digits only, for example 201.</source>
        <translation>داخلی فقط رقم دارد، برای نمونه ۲۰۱.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="156"/>
        <source>This computer has no credential store to keep the password in safely, so nothing was saved. On Linux, install and sign in to a keyring (GNOME Keyring or KWallet), then save again. What you typed is still here.</source>
        <translation>این رایانه انبار گذرواژه‌ای ندارد که گذرواژه را امن نگه دارد، پس چیزی ذخیره نشد. در لینوکس یک انبار کلید (GNOME Keyring یا KWallet) نصب کنید و وارد آن شوید، سپس دوباره ذخیره کنید. آنچه نوشته‌اید سر جایش است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="160"/>
        <source>The computer&apos;s credential store did not let the password be saved (it may be locked). Unlock it, then save again. What you typed is still here.</source>
        <translation>انبار گذرواژه‌های رایانه اجازهٔ ذخیرهٔ گذرواژه را نداد (شاید قفل است). قفل آن را باز کنید، سپس دوباره ذخیره کنید. آنچه نوشته‌اید سر جایش است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="165"/>
        <source>At least one active supervisor must remain, or nobody could manage accounts.</source>
        <translation>دست‌کم یک سرپرست فعال باید بماند، وگرنه کسی نمی‌تواند حساب‌ها را مدیریت کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="168"/>
        <source>You cannot delete your own account.</source>
        <translation>نمی‌توانید حساب خودتان را حذف کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="169"/>
        <source>Choose another customer: a customer cannot be merged with itself.</source>
        <translation>مشتری دیگری انتخاب کنید: مشتری با خودش ادغام نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="170"/>
        <source>The server cannot be reached, so this was not saved. Everything you typed is still here: press Ctrl+S to save it again once the server answers (the status bar says while it does not).</source>
        <translation>سرور در دسترس نیست، بنابراین این مورد ذخیره نشد. هرچه تایپ کرده‌اید همین‌جا مانده است: وقتی سرور دوباره پاسخ داد، برای ذخیرهٔ دوباره Ctrl+S را بزنید (تا آن زمان نوار وضعیت این را نشان می‌دهد).</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="174"/>
        <source>Something went wrong: {detail}</source>
        <translation>مشکلی پیش آمد: {detail}</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="21"/>
        <source>New account</source>
        <translation>حساب جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="21"/>
        <source>Create account</source>
        <translation>ایجاد حساب</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="26"/>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="28"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="32"/>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="34"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="36"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>NewComplaintDialog</name>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="119"/>
        <source>New complaint</source>
        <translation>شکایت جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="119"/>
        <source>Raise the complaint</source>
        <translation>ثبت شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="131"/>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="133"/>
        <source>Change the customer</source>
        <translation>تغییر مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="138"/>
        <source>Phone number or name; leave empty if they gave none</source>
        <translation>شماره تلفن یا نام؛ اگر نگفتند خالی بگذارید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="143"/>
        <location filename="../../ui/dialogs/complaint_form.py" line="145"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="148"/>
        <source>Customers found</source>
        <translation>مشتریان یافته‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="156"/>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="158"/>
        <source>Choose…</source>
        <translation>انتخاب کنید…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="162"/>
        <source>Priority</source>
        <translation>اولویت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="168"/>
        <source>What happened</source>
        <translation>چه پیش آمد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="171"/>
        <source>What the customer wants</source>
        <translation>خواستهٔ مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="173"/>
        <source>Who deals with it</source>
        <translation>مسئول رسیدگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="225"/>
        <source>Choose the customer from the list (Enter), or clear the box to raise the complaint without one.</source>
        <translation>مشتری را از فهرست انتخاب کنید (Enter)، یا کادر را خالی کنید تا شکایت بدون مشتری ثبت شود.</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <location filename="../../ui/notifier.py" line="119"/>
        <source>A follow-up is due</source>
        <translation>زمان یک پیگیری رسیده است</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="119"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="142"/>
        <source>Complaint escalated to you</source>
        <translation>شکایتی به شما ارجاع شد</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="143"/>
        <source>{0} escalated complaint {1}: {2}</source>
        <translation>{0} شکایت {1} را ارجاع داد: {2}</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="146"/>
        <source>Complaint given to you</source>
        <translation>شکایتی به شما سپرده شد</translation>
    </message>
    <message>
        <location filename="../../ui/notifier.py" line="147"/>
        <source>{0} gave you complaint {1}</source>
        <translation>{0} شکایت {1} را به شما سپرد</translation>
    </message>
</context>
<context>
    <name>OfficeSettings</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="92"/>
        <location filename="../../ui/pages/settings.py" line="93"/>
        <source>Country of numbers typed without +</source>
        <translation>کشورِ شماره‌هایی که بدون + وارد می‌شوند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="100"/>
        <source> seconds</source>
        <translation> ثانیه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="105"/>
        <location filename="../../ui/pages/settings.py" line="106"/>
        <source>Remind to go back to a caller on hold after</source>
        <translation>یادآوری بازگشت نزد تماس‌گیرندهٔ در انتظار پس از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="112"/>
        <source> minutes</source>
        <translation> دقیقه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="117"/>
        <location filename="../../ui/pages/settings.py" line="118"/>
        <source>Lock an idle desk after</source>
        <translation>قفل شدن میزِ بی‌کار پس از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="123"/>
        <source>The name at the head of every report</source>
        <translation>نامی که بالای هر گزارش می‌آید</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="125"/>
        <source>Business name on reports</source>
        <translation>نام کسب‌وکار در گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="130"/>
        <source>Choose logo…</source>
        <translation>انتخاب نشان…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="131"/>
        <source>Remove logo</source>
        <translation>برداشتن نشان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="135"/>
        <source>Logo on reports</source>
        <translation>نشان در گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="145"/>
        <source>Reasons a customer was lost</source>
        <translation>علت‌های از دست رفتن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="147"/>
        <source>New reason, in English</source>
        <translation>علت تازه، به انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="148"/>
        <source>New reason, in Persian</source>
        <translation>علت تازه، به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="146"/>
        <source>Add reason</source>
        <translation>افزودن علت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="227"/>
        <source>No logo</source>
        <translation>بدون نشان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="251"/>
        <source>Choose the logo</source>
        <translation>انتخاب نشان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="251"/>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="258"/>
        <source>The file cannot be read: {0}</source>
        <translation>فایل خوانده نمی‌شود: {0}</translation>
    </message>
</context>
<context>
    <name>PhoneIndicator</name>
    <message>
        <location filename="../../ui/phone_indicator.py" line="31"/>
        <source>Phone system: connected</source>
        <translation>سامانهٔ تلفن: وصل</translation>
    </message>
    <message>
        <location filename="../../ui/phone_indicator.py" line="34"/>
        <source>Phone system: connecting…</source>
        <translation>سامانهٔ تلفن: در حال اتصال…</translation>
    </message>
    <message>
        <location filename="../../ui/phone_indicator.py" line="38"/>
        <source>Phone system not connected since {0} — retrying</source>
        <translation>سامانهٔ تلفن از {0} وصل نیست — دوباره تلاش می‌کند</translation>
    </message>
</context>
<context>
    <name>PhonePop</name>
    <message>
        <location filename="../../ui/phone_pop.py" line="200"/>
        <location filename="../../ui/phone_pop.py" line="201"/>
        <location filename="../../ui/phone_pop.py" line="202"/>
        <source>Dismiss</source>
        <translation>بستن</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="203"/>
        <source>Answer</source>
        <translation>پاسخ</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="204"/>
        <source>New customer…</source>
        <translation>مشتری جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="205"/>
        <source>Maybe one of these:</source>
        <translation>شاید یکی از این‌ها:</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="206"/>
        <location filename="../../ui/phone_pop.py" line="257"/>
        <source>Incoming call</source>
        <translation>تماس ورودی</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="272"/>
        <source>Answered at extension {0}</source>
        <translation>داخلی {0} پاسخ داد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="274"/>
        <source>Answered at another extension</source>
        <translation>داخلی دیگری پاسخ داد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="280"/>
        <location filename="../../ui/phone_pop.py" line="282"/>
        <source>Missed call</source>
        <translation>تماس بی‌پاسخ</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="282"/>
        <source>Missed call — a callback is in the queue</source>
        <translation>تماس بی‌پاسخ — یک تماس برگشتی در صف پیگیری‌ها است</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="324"/>
        <source>{0} · rang extension {1}</source>
        <translation>{0} · زنگ به داخلی {1}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="326"/>
        <source>Rang extension {0}</source>
        <translation>زنگ به داخلی {0}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="343"/>
        <source>Number withheld</source>
        <translation>شمارهٔ پنهان</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="343"/>
        <source>Unknown number</source>
        <translation>شمارهٔ ناشناس</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="349"/>
        <source>Open the customer&apos;s profile</source>
        <translation>باز کردن پروندهٔ مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="355"/>
        <source>Last satisfaction: {0} · {1}</source>
        <translation>آخرین رضایت: {0} · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="360"/>
        <source>Satisfaction not asked yet</source>
        <translation>رضایت هنوز پرسیده نشده</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="363"/>
        <source>Last anger rating: {0} of 10 · {1}</source>
        <translation>آخرین میزان عصبانیت: {0} از ۱۰ · {1}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="375"/>
        <source>No open complaints</source>
        <translation>بدون شکایت باز</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="378"/>
        <source>1 open complaint</source>
        <translation>۱ شکایت باز</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="378"/>
        <source>{0} open complaints</source>
        <translation>{0} شکایت باز</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="381"/>
        <source>{0} overdue</source>
        <translation>{0} سررسید گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="382"/>
        <source>{0}, {1}</source>
        <translation>{0}، {1}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="392"/>
        <source>kept</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="393"/>
        <source>kept late</source>
        <translation>با تأخیر انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="394"/>
        <source>not due yet</source>
        <translation>هنوز سررسید نشده</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="395"/>
        <source>not kept, overdue</source>
        <translation>انجام نشد، سررسید گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="396"/>
        <source>cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="402"/>
        <source>Promised “{0}” by {1}</source>
        <translation>قول «{0}» تا {1}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="404"/>
        <source>{0} — {1}</source>
        <translation>{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="415"/>
        <source>number found in their details</source>
        <translation>شماره در مشخصاتش پیدا شد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="417"/>
        <source>has this number</source>
        <translation>همین شماره را دارد</translation>
    </message>
    <message>
        <location filename="../../ui/phone_pop.py" line="424"/>
        <source>This is the caller</source>
        <translation>تماس‌گیرنده همین است</translation>
    </message>
</context>
<context>
    <name>PhoneSettings</name>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="36"/>
        <source>None</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="37"/>
        <source>Asterisk Manager Interface (Asterisk, FreePBX, Issabel)</source>
        <translation>رابط مدیریت Asterisk (برای Asterisk و FreePBX و Issabel)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="38"/>
        <source>Zammad-compatible listener (sipgate, placetel, 3CX)</source>
        <translation>شنوندهٔ سازگار با Zammad (برای sipgate و placetel و 3CX)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="66"/>
        <source>Which phone system tells this desk who is calling. These settings belong to this computer: each desk has its own.</source>
        <translation>کدام سامانهٔ تلفن به این میز می‌گوید چه کسی تماس می‌گیرد. این تنظیمات مال همین رایانه است: هر میز تنظیمات خودش را دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="80"/>
        <source>Phone system</source>
        <translation>سامانهٔ تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="83"/>
        <source>for example 201</source>
        <translation>برای نمونه ۲۰۱</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="84"/>
        <source>This desk&apos;s extension</source>
        <translation>داخلی این میز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="87"/>
        <source>Server</source>
        <translation>سرور</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="90"/>
        <source>Port</source>
        <translation>درگاه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="93"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="95"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="103"/>
        <source>Listener port</source>
        <translation>درگاه شنونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="111"/>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="116"/>
        <location filename="../../ui/pages/phone_settings.py" line="117"/>
        <source>Address for the phone system</source>
        <translation>نشانی برای سامانهٔ تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="123"/>
        <source>Show advanced settings</source>
        <translation>نمایش تنظیمات پیشرفته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="128"/>
        <source>Channel that rings this desk</source>
        <translation>کانالی که تلفن این میز را به صدا درمی‌آورد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="131"/>
        <source>Dial context</source>
        <translation>زمینهٔ شماره‌گیری (context)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="134"/>
        <source>Listen on address</source>
        <translation>گوش دادن روی نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="164"/>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="166"/>
        <source>Save (Ctrl+S)</source>
        <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="213"/>
        <source>A password is kept in the system&apos;s credential store. Leave this blank to keep it.</source>
        <translation>گذرواژه‌ای در انبار گذرواژه‌های سیستم نگه داشته شده است. برای نگه داشتن همان، این را خالی بگذارید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="216"/>
        <source>No password is kept yet.</source>
        <translation>هنوز گذرواژه‌ای نگه داشته نشده است.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="234"/>
        <source>Give this address to the phone system as its Zammad CTI endpoint (generic CTI).</source>
        <translation>این نشانی را به‌عنوان نشانی CTI سامانهٔ Zammad (CTI عمومی) به سامانهٔ تلفن بدهید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="238"/>
        <source>The address is made when you save.</source>
        <translation>نشانی هنگام ذخیره ساخته می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="243"/>
        <source>The address was copied.</source>
        <translation>نشانی رونوشت شد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="305"/>
        <source>The settings could not be written: {0}</source>
        <translation>تنظیمات نوشته نشد: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/phone_settings.py" line="311"/>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
</context>
<context>
    <name>PresenceLabel</name>
    <message>
        <location filename="../../ui/changes.py" line="334"/>
        <source>{0} is editing this complaint</source>
        <translation>{0} در حال ویرایش این شکایت است</translation>
    </message>
    <message>
        <location filename="../../ui/changes.py" line="336"/>
        <source>{0} is editing this customer</source>
        <translation>{0} در حال ویرایش این مشتری است</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="188"/>
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="190"/>
        <source>Problems</source>
        <translation>مشکل‌ها</translation>
    </message>
</context>
<context>
    <name>ProfileSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="289"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="291"/>
        <source>Not known</source>
        <translation>نامشخص</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="295"/>
        <source>How they heard of us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="297"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="300"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="301"/>
        <source>Separate tags with ;</source>
        <translation>برچسب‌ها را با ; جدا کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="306"/>
        <source>Decided by the data</source>
        <translation>بر اساس داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="310"/>
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="316"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="145"/>
        <source>Back to the directory</source>
        <translation>بازگشت به فهرست مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="149"/>
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="151"/>
        <location filename="../../ui/pages/customer_profile.py" line="260"/>
        <source>Mark as lost…</source>
        <translation>ثبت از دست رفتن…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="153"/>
        <source>Merge another customer into this one…</source>
        <translation>ادغام مشتری دیگری در این مشتری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="156"/>
        <source>New call with this customer (F2)</source>
        <translation>تماس جدید با این مشتری (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="158"/>
        <source>New call with this customer</source>
        <translation>تماس جدید با این مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="160"/>
        <source>&amp;Dial (Ctrl+D)</source>
        <translation>&amp;شماره‌گیری (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="162"/>
        <source>Your phone rings; pick it up and it calls the customer&apos;s first number</source>
        <translation>تلفن شما زنگ می‌زند؛ گوشی را بردارید تا نخستین شمارهٔ مشتری گرفته شود</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="163"/>
        <source>Dial the customer</source>
        <translation>گرفتن شمارهٔ مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="174"/>
        <source>Raise a complaint…</source>
        <translation>ثبت شکایت…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="177"/>
        <source>Calm-down session (F9)</source>
        <translation>آرام کردن مشتری (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="180"/>
        <source>Report…</source>
        <translation>گزارش…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="182"/>
        <source>This customer&apos;s history, in the report centre</source>
        <translation>پیشینهٔ این مشتری، در مرکز گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="185"/>
        <source>History (Ctrl+H)</source>
        <translation>سابقه (Ctrl+H)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="187"/>
        <source>Who changed this customer and when, in the audit log</source>
        <translation>چه کسی و کی این مشتری را تغییر داد، در سابقهٔ تغییرات</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="229"/>
        <source>Timeline</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="235"/>
        <source>History</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="260"/>
        <source>Active again</source>
        <translation>فعال کردن دوباره</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="269"/>
        <source>Works for</source>
        <translation>سازمان محل کار</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="270"/>
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="275"/>
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="276"/>
        <source>E-mails</source>
        <translation>ایمیل‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="277"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="278"/>
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="279"/>
        <source>How they heard of us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="280"/>
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="281"/>
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="296"/>
        <source>Contact persons</source>
        <translation>افراد رابط</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="297"/>
        <location filename="../../ui/pages/customer_profile.py" line="301"/>
        <source>{0} by {1}</source>
        <translation>{0} توسط {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="305"/>
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="306"/>
        <source>Last changed</source>
        <translation>آخرین تغییر</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/widgets.py" line="36"/>
        <source>&amp;Look in:</source>
        <translation>&amp;جستجو در:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="37"/>
        <source>Files of &amp;type:</source>
        <translation>پرونده‌هایی از &amp;نوع:</translation>
    </message>
</context>
<context>
    <name>ReachSection</name>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="268"/>
        <source>Add a phone</source>
        <translation>افزودن تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="268"/>
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="271"/>
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="272"/>
        <source>Add an e-mail</source>
        <translation>افزودن ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="272"/>
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sections/customer.py" line="275"/>
        <source>E-mails</source>
        <translation>ایمیل‌ها</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/pages/reports.py" line="86"/>
        <source>Activity summary</source>
        <translation>خلاصهٔ فعالیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="87"/>
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="88"/>
        <source>Customer satisfaction</source>
        <translation>رضایت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="89"/>
        <source>Staff recognition</source>
        <translation>قدردانی از کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="90"/>
        <source>Customer history</source>
        <translation>پیشینهٔ مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="91"/>
        <source>Incident report</source>
        <translation>گزارش رویداد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="97"/>
        <source>Contacts by channel and by day, call times, follow-ups done and overdue.</source>
        <translation>ارتباط‌ها بر پایهٔ نوع و روز، زمان تماس‌ها، پیگیری‌های انجام‌شده و سررسیدگذشته.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="100"/>
        <source>Complaints by category, state and priority against targets; the overdue and escalated ones.</source>
        <translation>شکایت‌ها بر پایهٔ دسته، وضعیت و اولویت در برابر هدف‌ها؛ شکایت‌های سررسیدگذشته و ارجاع‌شده.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="104"/>
        <source>How satisfied customers were, month by month; lost customers by reason; segments.</source>
        <translation>رضایت مشتریان ماه به ماه؛ مشتریان از دست رفته بر پایهٔ علت؛ گروه‌بندی مشتریان.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="107"/>
        <source>What each person did in the period, for recognition and coaching.</source>
        <translation>کار هر نفر در این بازه، برای قدردانی و راهنمایی.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="110"/>
        <source>One customer&apos;s whole history: contacts, complaints and calm-down sessions.</source>
        <translation>همهٔ پیشینهٔ یک مشتری: ارتباط‌ها، شکایت‌ها و جلسه‌های آرام کردن.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="113"/>
        <source>One calm-down session or one complaint, step by step, for the record.</source>
        <translation>یک جلسهٔ آرام کردن یا یک شکایت، مرحله به مرحله، برای بایگانی.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="121"/>
        <source>Today</source>
        <translation>امروز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="122"/>
        <source>This week</source>
        <translation>این هفته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="123"/>
        <source>Last 7 days</source>
        <translation>۷ روز گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="124"/>
        <source>This month</source>
        <translation>این ماه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="125"/>
        <source>Last 30 days</source>
        <translation>۳۰ روز گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="126"/>
        <source>Last month</source>
        <translation>ماه گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="127"/>
        <source>This quarter</source>
        <translation>این فصل</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="128"/>
        <source>This year</source>
        <translation>امسال</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="129"/>
        <source>Last year</source>
        <translation>سال گذشته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="130"/>
        <source>Custom</source>
        <translation>دلخواه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="144"/>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="152"/>
        <source>Reports are for supervisors. Ask a supervisor for the report you need.</source>
        <translation>گزارش‌ها برای سرپرستان است. گزارشی را که نیاز دارید از یک سرپرست بخواهید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="162"/>
        <source>&amp;Report</source>
        <translation>&amp;گزارش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="206"/>
        <source>&amp;Generate</source>
        <translation>&amp;تهیهٔ گزارش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="208"/>
        <source>Generate the report (Ctrl+G)</source>
        <translation>تهیهٔ گزارش (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="211"/>
        <source>Save the ta&amp;bles as a spreadsheet…</source>
        <translation>ذخیرهٔ &amp;جدول‌ها به‌صورت صفحه‌گسترده…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="213"/>
        <location filename="../../ui/pages/reports.py" line="588"/>
        <source>Save the tables as a spreadsheet</source>
        <translation>ذخیرهٔ جدول‌ها به‌صورت صفحه‌گسترده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="215"/>
        <source>Make the report and save its tables for Excel or LibreOffice (.xlsx, or .csv)</source>
        <translation>تهیهٔ گزارش و ذخیرهٔ جدول‌های آن برای Excel یا LibreOffice (‎.xlsx یا ‎.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="222"/>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="238"/>
        <source>&amp;Open</source>
        <translation>&amp;باز کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="241"/>
        <source>&amp;Print…</source>
        <translation>&amp;چاپ…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="244"/>
        <source>Save &amp;as…</source>
        <translation>ذخیره &amp;با نام…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="273"/>
        <source>Perio&amp;d</source>
        <translation>&amp;بازه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="276"/>
        <source>&amp;From</source>
        <translation>&amp;از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="278"/>
        <source>&amp;To</source>
        <translation>&amp;تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="281"/>
        <source>All staff</source>
        <translation>همهٔ کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="284"/>
        <source>&amp;Staff</source>
        <translation>&amp;کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="291"/>
        <source>Name or phone number</source>
        <translation>نام یا شمارهٔ تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="295"/>
        <source>Find the customer</source>
        <translation>یافتن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="296"/>
        <source>Customer found</source>
        <translation>مشتری یافته‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="302"/>
        <source>C&amp;ustomer</source>
        <translation>&amp;مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="315"/>
        <source>Calm-down session number</source>
        <translation>شمارهٔ جلسهٔ آرام کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="316"/>
        <source>Complaint number</source>
        <translation>شمارهٔ شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="321"/>
        <source>Kind of record</source>
        <translation>نوع پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="322"/>
        <source>Record number</source>
        <translation>شمارهٔ پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="326"/>
        <source>Reco&amp;rd</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="334"/>
        <source>&amp;Language</source>
        <translation>&amp;زبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="401"/>
        <source>No customer matches “{0}”.</source>
        <translation>هیچ مشتری‌ای با «{0}» جور نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="476"/>
        <source>Preparing the report…</source>
        <translation>در حال تهیهٔ گزارش…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="483"/>
        <source>Cancelling…</source>
        <translation>در حال انصراف…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="508"/>
        <source>The report is ready: {0}</source>
        <translation>گزارش آماده است: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="516"/>
        <source>The tables could not be saved to {0}: {1}. Choose another folder.</source>
        <translation>جدول‌ها در {0} ذخیره نشدند: {1}. پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="519"/>
        <source>The tables are saved to {0}, and the report is ready.</source>
        <translation>جدول‌ها در {0} ذخیره شدند و گزارش آماده است.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="530"/>
        <source>Cancelled. No report was made.</source>
        <translation>لغو شد. گزارشی تهیه نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="539"/>
        <source>The report could not be written: {0}. Close it if it is open in another program, and check there is space on the disk, then try again.</source>
        <translation>گزارش نوشته نشد: {0}. اگر در برنامهٔ دیگری باز است آن را ببندید و جای خالی دیسک را بررسی کنید، سپس دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="546"/>
        <source>The report could not be made.</source>
        <translation>گزارش تهیه نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="553"/>
        <source>Find the customer by name or phone number, then choose them.</source>
        <translation>مشتری را با نام یا شمارهٔ تلفن پیدا کنید، سپس انتخابش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="560"/>
        <source>There is no calm-down session number {0}.</source>
        <translation>جلسهٔ آرام کردنی با شمارهٔ {0} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="562"/>
        <source>There is no complaint number {0}.</source>
        <translation>شکایتی با شمارهٔ {0} وجود ندارد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="585"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>کارپوشه‌های Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="585"/>
        <source>CSV files (*.csv)</source>
        <translation>فایل‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="621"/>
        <source>The report file is no longer there. Generate it again.</source>
        <translation>فایل گزارش دیگر وجود ندارد. دوباره آن را تهیه کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="625"/>
        <source>No program to show PDF files was found. Use “Save as…” and open the file yourself.</source>
        <translation>برنامه‌ای برای نمایش فایل‌های PDF پیدا نشد. از «ذخیره با نام…» استفاده کنید و فایل را خودتان باز کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="635"/>
        <source>Save the report</source>
        <translation>ذخیرهٔ گزارش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="635"/>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="646"/>
        <source>The report could not be saved to {0}: {1}. Choose another folder.</source>
        <translation>گزارش در {0} ذخیره نشد: {1}. پوشهٔ دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="652"/>
        <source>Saved to {0}</source>
        <translation>در {0} ذخیره شد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="689"/>
        <source>The report file cannot be read. Generate it again.</source>
        <translation>فایل گزارش خوانده نمی‌شود. دوباره آن را تهیه کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="696"/>
        <source>The printer cannot be used. Check that it is on and ready.</source>
        <translation>چاپگر در دسترس نیست. بررسی کنید که روشن و آماده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/reports.py" line="717"/>
        <source>Sent {0} pages to the printer.</source>
        <translation>{0} صفحه به چاپگر فرستاده شد.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="81"/>
        <source>New password for {0}</source>
        <translation>گذرواژهٔ جدید برای {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="82"/>
        <source>Set password</source>
        <translation>ثبت گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="90"/>
        <source>New password</source>
        <translation>گذرواژهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="92"/>
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="266"/>
        <source>Resolve the complaint</source>
        <translation>رفع شکایت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="266"/>
        <source>Resolve</source>
        <translation>رفع</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="272"/>
        <source>What was done</source>
        <translation>چه کاری انجام شد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="284"/>
        <source>Customer&apos;s satisfaction</source>
        <translation>رضایت مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="286"/>
        <source>Will they come back?</source>
        <translation>آیا بازمی‌گردد؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="288"/>
        <source>Don&apos;t know</source>
        <translation>نمی‌دانم</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="289"/>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="290"/>
        <source>No</source>
        <translation>نه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/complaint_form.py" line="292"/>
        <source>Customer&apos;s satisfaction: {0}</source>
        <translation>رضایت مشتری: {0}</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/messages.py" line="205"/>
        <source>Front-desk staff</source>
        <translation>کارمند پذیرش</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="206"/>
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="98"/>
        <source>All staff</source>
        <translation>همهٔ کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="104"/>
        <source>All outcomes</source>
        <translation>همهٔ نتیجه‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="119"/>
        <location filename="../../ui/pages/calm_sessions.py" line="143"/>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="121"/>
        <location filename="../../ui/pages/calm_sessions.py" line="144"/>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="141"/>
        <source>Staff</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="142"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="145"/>
        <source>Calm-down sessions</source>
        <translation>جلسه‌های آرام کردن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="168"/>
        <source>No sessions in this period.</source>
        <translation>در این بازه جلسه‌ای نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="178"/>
        <source>{0} sessions · calmed {1} · median time to calm {2} · anger fell by {3} on average</source>
        <translation>{0} جلسه · آرام شد {1} · میانهٔ زمان آرام شدن {2} · کاهش میانگین عصبانیت {3}</translation>
    </message>
</context>
<context>
    <name>SessionModel</name>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="40"/>
        <source>Started</source>
        <translation>شروع</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="43"/>
        <source>Customer</source>
        <translation>مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="45"/>
        <source>Staff</source>
        <translation>کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="49"/>
        <source>Duration</source>
        <translation>مدت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="53"/>
        <source>Anger</source>
        <translation>عصبانیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="57"/>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/calm_sessions.py" line="36"/>
        <source>Not named</source>
        <translation>بی‌نام</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="283"/>
        <source>This desk</source>
        <translation>این میز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="287"/>
        <source>Same as the system</source>
        <translation>مطابق زبان سیستم</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="293"/>
        <location filename="../../ui/pages/settings.py" line="294"/>
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="295"/>
        <source>Change my password…</source>
        <translation>تغییر گذرواژهٔ من…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="297"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="300"/>
        <location filename="../../ui/pages/settings.py" line="304"/>
        <source>Staff accounts</source>
        <translation>حساب‌های کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="308"/>
        <source>New account…</source>
        <translation>حساب جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="309"/>
        <source>Reset password…</source>
        <translation>تعیین گذرواژهٔ جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="310"/>
        <source>Change role</source>
        <translation>تغییر نقش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="311"/>
        <location filename="../../ui/pages/settings.py" line="387"/>
        <source>Deactivate</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="312"/>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="327"/>
        <source>The whole office</source>
        <translation>کل مجموعه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="332"/>
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="336"/>
        <source>Calm-down steps</source>
        <translation>مراحل آرام کردن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="340"/>
        <source>Backups</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="344"/>
        <source>This desk&apos;s phone</source>
        <translation>تلفن این میز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="350"/>
        <source>Staff accounts are managed by supervisors.</source>
        <translation>حساب‌های کارکنان را سرپرستان مدیریت می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="386"/>
        <source>Make staff</source>
        <translation>تبدیل به کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="386"/>
        <source>Make supervisor</source>
        <translation>تبدیل به سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="387"/>
        <source>Activate</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="430"/>
        <source>Deactivate account</source>
        <translation>غیرفعال کردن حساب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="431"/>
        <source>Deactivate {0}? They will no longer be able to sign in. Their records stay.</source>
        <translation>حساب {0} غیرفعال شود؟ این فرد دیگر نمی‌تواند وارد شود، اما سوابقش باقی می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="442"/>
        <source>Delete account</source>
        <translation>حذف حساب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="443"/>
        <source>Delete the account of {0}? This cannot be undone.</source>
        <translation>حساب {0} حذف شود؟ این کار بازگشت‌پذیر نیست.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="79"/>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="81"/>
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="82"/>
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="84"/>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="86"/>
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="76"/>
        <source>{0} — Calm-down session: {1}, anger {2} → {3} · {4}</source>
        <translation>{0} — آرام کردن مشتری: {1}، عصبانیت {2} ← {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="86"/>
        <source>{0} — Complaint {1}: {2} · {3} · {4}</source>
        <translation>{0} — شکایت {1}: {2} · {3} · {4}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="99"/>
        <source>(before the merge, customer {0})</source>
        <translation>(پیش از ادغام، مشتری {0})</translation>
    </message>
</context>
</TS>
