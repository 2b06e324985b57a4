<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="54" />
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="54" />
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="54" />
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="54" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="54" />
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="72" />
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="72" />
        <source>Deactivated</source>
        <translation>غیرفعال</translation>
    </message>
</context>
<context>
    <name>ChangeOwnPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="53" />
        <source>Change my password</source>
        <translation>تغییر گذرواژهٔ من</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="53" />
        <source>Change password</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="56" />
        <source>Current password</source>
        <translation>گذرواژهٔ فعلی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="57" />
        <source>New password</source>
        <translation>گذرواژهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="58" />
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../ui/app.py" line="83" />
        <source>The database could not be opened.</source>
        <translation>پایگاه داده باز نشد.</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="84" />
        <source>Cannot open the database</source>
        <translation>پایگاه داده باز نمی‌شود</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="87" />
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="108" />
        <source>Not signed in</source>
        <translation>هنوز وارد نشده‌اید</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="111" />
        <source>No accounts yet</source>
        <translation>هنوز حسابی ساخته نشده است</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="19" />
        <source>Unexpected error</source>
        <translation>خطای پیش‌بینی‌نشده</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="22" />
        <source>Something unexpected went wrong. What you were working on has been kept where possible. Please copy this report and send it to whoever supports the help desk.</source>
        <translation>مشکلی پیش‌بینی‌نشده رخ داد. تا جایی که ممکن بوده، کار شما نگه داشته شده است. لطفاً این گزارش را کپی کنید و برای پشتیبان میز خدمت مشتریان بفرستید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="32" />
        <source>Copy report</source>
        <translation>کپی گزارش</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="39" />
        <source>Copied</source>
        <translation>کپی شد</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/error_dialog.py" line="43" />
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="40" />
        <source>Welcome to the help desk</source>
        <translation>به میز خدمت مشتریان خوش آمدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="40" />
        <source>Create account</source>
        <translation>ایجاد حساب</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="44" />
        <source>This database is new. The first account is a supervisor, who can then add the front-desk staff and other supervisors in Settings.</source>
        <translation>این پایگاه داده تازه است. نخستین حساب از آنِ یک سرپرست است که پس از آن می‌تواند حساب کارکنان پذیرش و سرپرستان دیگر را در «تنظیمات» بسازد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="48" />
        <source>Create the first supervisor account</source>
        <translation>ساختن حساب نخستین سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="50" />
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="51" />
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="52" />
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="53" />
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="54" />
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.py" line="51" />
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="69" />
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="70" />
        <source>Good day, {0}</source>
        <translation>روز بخیر، {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="71" />
        <source>The dashboard will show today's contacts, open complaints and due follow-ups here once those features arrive.</source>
        <translation>با افزوده شدن این بخش‌ها، پیشخوان ارتباط‌های امروز، شکایت‌های باز و پیگیری‌های سررسیده را همین‌جا نشان می‌دهد.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="73" />
        <location filename="../../ui/mainwindow.py" line="74" />
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="74" />
        <source>The customer directory and contact forms are coming next.</source>
        <translation>فهرست مشتریان و فرم‌های مشخصات مشتری به‌زودی افزوده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="75" />
        <location filename="../../ui/mainwindow.py" line="76" />
        <source>Calls</source>
        <translation>تماس‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="76" />
        <source>Phone-call notes, walk-in visits and follow-ups are coming soon.</source>
        <translation>یادداشت تماس‌های تلفنی، مراجعه‌های حضوری و پیگیری‌ها به‌زودی افزوده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="77" />
        <location filename="../../ui/mainwindow.py" line="78" />
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="78" />
        <source>Complaints with escalation to supervisors are coming soon.</source>
        <translation>ثبت شکایت‌ها و ارجاع به سرپرست به‌زودی افزوده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="79" />
        <location filename="../../ui/mainwindow.py" line="80" />
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="80" />
        <source>PDF reports for supervisors are coming soon.</source>
        <translation>گزارش‌های PDF برای سرپرستان به‌زودی افزوده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="81" />
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="111" />
        <source>Not signed in</source>
        <translation>هنوز وارد نشده‌اید</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="160" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="161" />
        <source>Sign &amp;out</source>
        <translation>&amp;خروج از حساب</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="166" />
        <source>&amp;Quit</source>
        <translation>&amp;بستن برنامه</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="171" />
        <source>&amp;Go</source>
        <translation>&amp;رفتن به</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="181" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="182" />
        <source>Open the &amp;log folder</source>
        <translation>باز کردن پوشهٔ &amp;رویدادنگاری</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="185" />
        <source>&amp;About the help desk</source>
        <translation>&amp;دربارهٔ میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="97" />
        <source>Signed in as {0} ({1})</source>
        <translation>واردشده: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="207" />
        <source>Opening the database…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="209" />
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="223" />
        <source>About the help desk</source>
        <translation>دربارهٔ میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="224" />
        <source>Help desk {0}
For front-desk staff and their supervisors.</source>
        <translation>میز خدمت مشتریان، نسخهٔ {0}
برای کارکنان پذیرش و سرپرستان آن‌ها.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../ui/messages.py" line="23" />
        <source>The database cannot be reached. Check that the database server is running and that this computer is connected to the network, then try again.</source>
        <translation>دسترسی به پایگاه داده ممکن نیست. بررسی کنید که سرور پایگاه داده روشن باشد و این رایانه به شبکه وصل باشد، سپس دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="24" />
        <source>The database is busy with another desk's change. Wait a moment and try again.</source>
        <translation>پایگاه داده در حال ثبت تغییری از میز دیگری است. لحظه‌ای صبر کنید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25" />
        <source>The database can only be read, not changed. Ask whoever looks after this computer to give you write access to the database file or folder.</source>
        <translation>پایگاه داده فقط‌خواندنی است و نمی‌توان در آن تغییری داد. از مسئول این رایانه بخواهید اجازهٔ نوشتن در پرونده یا پوشهٔ پایگاه داده را به شما بدهد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="26" />
        <source>The disk is full, so nothing more can be saved. Free some space on the disk, then try again. Nothing you typed has been lost.</source>
        <translation>دیسک پر است و چیز دیگری ذخیره نمی‌شود. مقداری از فضای دیسک را آزاد کنید و دوباره تلاش کنید. چیزی از نوشته‌های شما از دست نرفته است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27" />
        <source>This file is not a help-desk database, or it is damaged. Choose another file, or restore the latest backup copy.</source>
        <translation>این پرونده پایگاه دادهٔ میز خدمت مشتریان نیست یا آسیب دیده است. پروندهٔ دیگری انتخاب کنید یا آخرین نسخهٔ پشتیبان را بازیابی کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28" />
        <source>This database was written by a newer version of the help desk (schema {found}; this version understands up to {supported}). It has not been changed. Install the newer version of the app to open it.</source>
        <translation>این پایگاه داده با نسخهٔ جدیدتری از میز خدمت مشتریان نوشته شده است (نسخهٔ ساختار {found}؛ این نسخه تا {supported} را می‌شناسد). هیچ تغییری در آن داده نشد. برای باز کردن آن، نسخهٔ جدیدتر برنامه را نصب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="30" />
        <source>The user name or password is not right.</source>
        <translation>نام کاربری یا گذرواژه درست نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31" />
        <source>Too many wrong passwords. This account is locked until {until}. A supervisor can unlock it by resetting the password.</source>
        <translation>گذرواژه چند بار اشتباه وارد شد. این حساب تا ساعت {until} قفل است. سرپرست می‌تواند با تعیین گذرواژهٔ جدید آن را باز کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32" />
        <source>This account has been deactivated. Ask a supervisor.</source>
        <translation>این حساب غیرفعال شده است. با سرپرست هماهنگ کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="33" />
        <source>This account has records, so it cannot be deleted. Deactivate it instead.</source>
        <translation>این حساب سوابقی دارد و حذف نمی‌شود. به جای حذف، آن را غیرفعال کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="34" />
        <source>Only a supervisor can do this.</source>
        <translation>فقط سرپرست اجازهٔ این کار را دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="35" />
        <source>That record no longer exists. Another desk may have removed it.</source>
        <translation>این مورد دیگر وجود ندارد. شاید میز دیگری آن را حذف کرده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37" />
        <source>This is required.</source>
        <translation>پر کردن این بخش لازم است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="38" />
        <source>Use 3 to 64 letters, digits, dots, dashes or underscores, without spaces.</source>
        <translation>از ۳ تا ۶۴ حرف، رقم، نقطه، خط تیره یا زیرخط، بدون فاصله، استفاده کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39" />
        <source>This user name is already taken.</source>
        <translation>این نام کاربری پیش‌تر گرفته شده است.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40" />
        <source>Use at least {minimum} characters.</source>
        <translation>دست‌کم {minimum} نویسه وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41" />
        <source>The two passwords are not the same.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="42" />
        <source>This is not your current password.</source>
        <translation>این گذرواژهٔ فعلی شما نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43" />
        <source>Use at most {limit} characters.</source>
        <translation>حداکثر {limit} نویسه وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="44" />
        <source>Choose one of the options.</source>
        <translation>یکی از گزینه‌ها را انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46" />
        <source>At least one active supervisor must remain, or nobody could manage accounts.</source>
        <translation>دست‌کم یک سرپرست فعال باید بماند، وگرنه کسی نمی‌تواند حساب‌ها را مدیریت کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47" />
        <source>You cannot delete your own account.</source>
        <translation>نمی‌توانید حساب خودتان را حذف کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48" />
        <source>Something went wrong: {detail}</source>
        <translation>مشکلی پیش آمد: {detail}</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="15" />
        <source>New account</source>
        <translation>حساب جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="15" />
        <source>Create account</source>
        <translation>ایجاد حساب</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="19" />
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="20" />
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="24" />
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="25" />
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="26" />
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="39" />
        <source>New password for {0}</source>
        <translation>گذرواژهٔ جدید برای {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="39" />
        <source>Set password</source>
        <translation>ثبت گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="43" />
        <source>New password</source>
        <translation>گذرواژهٔ جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/accounts.py" line="44" />
        <source>Password again</source>
        <translation>تکرار گذرواژه</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/messages.py" line="73" />
        <source>Front-desk staff</source>
        <translation>کارمند پذیرش</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="74" />
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="93" />
        <source>This desk</source>
        <translation>این میز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="97" />
        <source>Same as the system</source>
        <translation>مطابق زبان سیستم</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="103" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="104" />
        <source>Change my password…</source>
        <translation>تغییر گذرواژهٔ من…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="106" />
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="109" />
        <source>Staff accounts</source>
        <translation>حساب‌های کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="122" />
        <source>New account…</source>
        <translation>حساب جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="123" />
        <source>Reset password…</source>
        <translation>تعیین گذرواژهٔ جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="124" />
        <source>Change role</source>
        <translation>تغییر نقش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="125" />
        <location filename="../../ui/pages/settings.py" line="173" />
        <source>Deactivate</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="126" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="140" />
        <source>Staff accounts are managed by supervisors.</source>
        <translation>حساب‌های کارکنان را سرپرستان مدیریت می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="172" />
        <source>Make staff</source>
        <translation>تبدیل به کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="172" />
        <source>Make supervisor</source>
        <translation>تبدیل به سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="173" />
        <source>Activate</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="213" />
        <source>Deactivate account</source>
        <translation>غیرفعال کردن حساب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="214" />
        <source>Deactivate {0}? They will no longer be able to sign in. Their records stay.</source>
        <translation>حساب {0} غیرفعال شود؟ این فرد دیگر نمی‌تواند وارد شود، اما سوابقش باقی می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="222" />
        <source>Delete account</source>
        <translation>حذف حساب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="223" />
        <source>Delete the account of {0}? This cannot be undone.</source>
        <translation>حساب {0} حذف شود؟ این کار بازگشت‌پذیر نیست.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="68" />
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="70" />
        <source>Help desk</source>
        <translation>میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="71" />
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="72" />
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/sign_in.py" line="73" />
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
</context>
</TS>
