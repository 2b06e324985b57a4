<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa" sourcelanguage="en">
<context>
    <name>AccountsModel</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="58" />
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="58" />
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="58" />
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="58" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="58" />
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="76" />
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="76" />
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
    <name>Choices</name>
    <message>
        <location filename="../../ui/messages.py" line="100" />
        <source>Person</source>
        <translation>شخص</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="101" />
        <location filename="../../ui/messages.py" line="151" />
        <location filename="../../ui/messages.py" line="152" />
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="104" />
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="105" />
        <source>Lost</source>
        <translation>از دست رفته</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="106" />
        <source>Merged</source>
        <translation>ادغام‌شده</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="109" />
        <source>Loyal and profitable</source>
        <translation>وفادار و سودآور</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="110" />
        <source>Loyal, not profitable</source>
        <translation>وفادار، نه سودآور</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="111" />
        <source>Profitable, not loyal</source>
        <translation>سودآور، نه وفادار</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="112" />
        <source>Neither loyal nor profitable</source>
        <translation>نه وفادار، نه سودآور</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="115" />
        <source>Deepen the relationship: they are the heart of the business.</source>
        <translation>رابطه را عمیق‌تر کنید: این مشتریان قلب کسب‌وکارند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="116" />
        <source>Keep the relationship; offering related products may make it profitable.</source>
        <translation>رابطه را حفظ کنید؛ پیشنهاد محصولات مرتبط می‌تواند آن را سودآور کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="117" />
        <source>Work on the relationship to turn profit into loyalty.</source>
        <translation>روی رابطه کار کنید تا سودآوری به وفاداری برسد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="118" />
        <source>Price-driven and moved by promotions: do not over-invest.</source>
        <translation>به قیمت و تخفیف حساس است: بیش از اندازه سرمایه‌گذاری نکنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="121" />
        <source>Word of mouth</source>
        <translation>توصیه دیگران</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="122" />
        <source>Advertising</source>
        <translation>تبلیغات</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="123" />
        <source>Social media</source>
        <translation>شبکه‌های اجتماعی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="124" />
        <source>Website</source>
        <translation>وب‌سایت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="125" />
        <source>Passing by</source>
        <translation>عبور از جلوی فروشگاه</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="126" />
        <source>Returning customer</source>
        <translation>مشتری قبلی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="127" />
        <location filename="../../ui/messages.py" line="133" />
        <source>Other</source>
        <translation>سایر</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="130" />
        <source>Mobile</source>
        <translation>همراه</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="131" />
        <source>Home</source>
        <translation>منزل</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="132" />
        <source>Work</source>
        <translation>محل کار</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="136" />
        <source>Persian</source>
        <translation>فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="137" />
        <source>English</source>
        <translation>انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="140" />
        <source>Created</source>
        <translation>ایجاد شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="141" />
        <source>Changed</source>
        <translation>تغییر کرد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="142" />
        <source>Marked as lost</source>
        <translation>از دست رفته ثبت شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="143" />
        <source>Active again</source>
        <translation>دوباره فعال شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="144" />
        <source>Another customer merged into this one</source>
        <translation>مشتری دیگری در این مشتری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="145" />
        <source>Merged into another customer</source>
        <translation>در مشتری دیگری ادغام شد</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="148" />
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="149" />
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="150" />
        <source>Family name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="153" />
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="154" />
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="155" />
        <source>E-mails</source>
        <translation>ایمیل‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="156" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="157" />
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="158" />
        <source>How they heard of us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="159" />
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="160" />
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="161" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="162" />
        <source>Reason lost</source>
        <translation>علت از دست رفتن</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="163" />
        <source>Segment</source>
        <translation>گروه مشتری</translation>
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
    <name>CustomerForm</name>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="132" />
        <source>Edit customer</source>
        <translation>ویرایش مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="132" />
        <source>New customer</source>
        <translation>مشتری جدید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="163" />
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="164" />
        <source>Family name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="165" />
        <source>Organisation name</source>
        <translation>نام سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="166" />
        <source>Works for</source>
        <translation>سازمان محل کار</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="167" />
        <source>Type to choose an organisation</source>
        <translation>برای انتخاب سازمان تایپ کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="177" />
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="179" />
        <source>Add a phone</source>
        <translation>افزودن تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="182" />
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="183" />
        <source>Add an e-mail</source>
        <translation>افزودن ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="186" />
        <source>E-mails</source>
        <translation>ایمیل‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="192" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="194" />
        <source>Not known</source>
        <translation>نامشخص</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="198" />
        <source>How they heard of us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="199" />
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="201" />
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="202" />
        <source>Separate tags with ;</source>
        <translation>برچسب‌ها را با ; جدا کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="207" />
        <source>Decided by the data</source>
        <translation>بر اساس داده‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="211" />
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="216" />
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="365" />
        <source>same phone</source>
        <translation>تلفن یکسان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="366" />
        <source>same e-mail</source>
        <translation>ایمیل یکسان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="367" />
        <source>similar name</source>
        <translation>نام مشابه</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="377" />
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="381" />
        <source>Save anyway</source>
        <translation>با این حال ذخیره شود</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="393" />
        <source>They changed:</source>
        <translation>تغییرات میز دیگر:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="401" />
        <source>Save mine over theirs</source>
        <translation>ذخیرهٔ نسخهٔ من به جای نسخهٔ آن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="403" />
        <source>Keep editing</source>
        <translation>ادامهٔ ویرایش</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <location filename="../../ui/pages/customers.py" line="64" />
        <source>Search by name, phone, e-mail, organisation or notes (Ctrl+F)</source>
        <translation>جستجو در نام، تلفن، ایمیل، سازمان یا یادداشت‌ها (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="67" />
        <source>New customer (Ctrl+N)</source>
        <translation>مشتری جدید (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="74" />
        <source>Active and lost</source>
        <translation>فعال و از دست رفته</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="78" />
        <source>All segments</source>
        <translation>همهٔ گروه‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="84" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="84" />
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="85" />
        <source>Tag</source>
        <translation>برچسب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="113" />
        <source>Open (Enter)</source>
        <translation>باز کردن (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="114" />
        <source>Import…</source>
        <translation>درون‌ریزی…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="115" />
        <source>Export…</source>
        <translation>برون‌بری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="169" />
        <source>All tags</source>
        <translation>همهٔ برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="183" />
        <source>Customers: {0}</source>
        <translation>مشتریان: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="274" />
        <source>Import customers</source>
        <translation>درون‌ریزی مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="275" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>پرونده‌های CSV (*.csv);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="285" />
        <source>Export customers</source>
        <translation>برون‌بری مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="286" />
        <source>CSV files (*.csv)</source>
        <translation>پرونده‌های CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customers.py" line="297" />
        <source>Exported {0} customers to {1}</source>
        <translation>{0} مشتری در {1} برون‌بری شد</translation>
    </message>
</context>
<context>
    <name>DirectoryModel</name>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="83" />
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="83" />
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="83" />
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="83" />
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="83" />
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="84" />
        <source>Segment</source>
        <translation>گروه مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/directory_model.py" line="84" />
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
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
    <name>ImportCustomersDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="50" />
        <source>Kind (person or organisation)</source>
        <translation>نوع (شخص یا سازمان)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="51" />
        <source>Given name</source>
        <translation>نام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="52" />
        <source>Family name</source>
        <translation>نام خانوادگی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="53" />
        <source>Organisation</source>
        <translation>سازمان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="54" />
        <source>Phone</source>
        <translation>تلفن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="55" />
        <source>Second phone</source>
        <translation>تلفن دوم</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="56" />
        <source>E-mail</source>
        <translation>ایمیل</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="57" />
        <source>Preferred language</source>
        <translation>زبان ترجیحی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="58" />
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="59" />
        <source>How they found us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="60" />
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="61" />
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="66" />
        <source>This is required.</source>
        <translation>پر کردن این بخش لازم است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="67" />
        <source>A person needs a given name or a family name.</source>
        <translation>برای شخص، نام یا نام خانوادگی لازم است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="68" />
        <source>Longer than {limit} characters.</source>
        <translation>بیش از {limit} نویسه است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="69" />
        <source>More than {limit} values.</source>
        <translation>بیش از {limit} مقدار است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="70" />
        <source>Not a valid phone number: use digits, spaces, dashes and a leading +.</source>
        <translation>شمارهٔ تلفن معتبر نیست: فقط رقم، فاصله، خط تیره و + در آغاز.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="71" />
        <source>Not a valid phone number.</source>
        <translation>شمارهٔ تلفن معتبر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="72" />
        <source>The same phone number is given twice.</source>
        <translation>یک شمارهٔ تلفن دو بار آمده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="73" />
        <source>Not a valid e-mail address.</source>
        <translation>نشانی ایمیل معتبر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="74" />
        <source>The same e-mail address is given twice.</source>
        <translation>یک نشانی ایمیل دو بار آمده است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="75" />
        <source>Use one of: {choices}.</source>
        <translation>یکی از این‌ها را به کار ببرید: {choices}.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="76" />
        <source>The row has more values than the header has columns.</source>
        <translation>این سطر بیش از ستون‌های سرِ پرونده مقدار دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="81" />
        <source>The file cannot be read. Check that it still exists and that you may open it.</source>
        <translation>پرونده خوانده نمی‌شود. بررسی کنید که هنوز وجود دارد و اجازهٔ باز کردن آن را دارید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="82" />
        <source>The file is not in UTF-8. In Excel, save it as "CSV UTF-8" and choose it again.</source>
        <translation>پرونده با کدگذاری UTF-8 نیست. در Excel آن را با قالب «CSV UTF-8» ذخیره کنید و دوباره انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="83" />
        <source>The file is empty: its first line should name the columns.</source>
        <translation>پرونده خالی است: سطر اول باید نام ستون‌ها را داشته باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="84" />
        <source>No column holds a name. Choose which column is the given name, the family name or the organisation.</source>
        <translation>هیچ ستونی نام را ندارد. مشخص کنید کدام ستون نام، نام خانوادگی یا نام سازمان است.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="85" />
        <source>Two columns are set to "{field}". Set one of them to "Ignore".</source>
        <translation>دو ستون روی «{field}» تنظیم شده‌اند. یکی از آن‌ها را روی «نادیده گرفتن» بگذارید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="86" />
        <source>The rejected rows cannot be written to {path}, so nothing was imported. Make sure you may write in that folder, then try again.</source>
        <translation>سطرهای ردشده در {path} نوشته نمی‌شوند، پس چیزی درون‌ریزی نشد. بررسی کنید اجازهٔ نوشتن در آن پوشه را دارید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="194" />
        <source>Import customers</source>
        <translation>درون‌ریزی مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="198" />
        <source>File: {0}</source>
        <translation>پرونده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="203" />
        <source>What each column holds</source>
        <translation>محتوای هر ستون</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="244" />
        <source>Import</source>
        <translation>درون‌ریزی</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="262" />
        <source>Ignore</source>
        <translation>نادیده گرفتن</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="267" />
        <source>(no name)</source>
        <translation>(بی‌نام)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="286" />
        <source>{0} rows will be imported, {1} have problems.</source>
        <translation>{0} سطر درون‌ریزی می‌شود و {1} سطر مشکل دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="311" />
        <source>{0} customers were imported.</source>
        <translation>{0} مشتری درون‌ریزی شد.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="313" />
        <source>{0} rows were not imported. They are listed, each with its reason, in {1}</source>
        <translation>{0} سطر درون‌ریزی نشد. فهرست آن‌ها با علت هر کدام در {1} است</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="320" />
        <source>Close</source>
        <translation>بستن</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <location filename="../../ui/dialogs/customer_form.py" line="79" />
        <location filename="../../ui/dialogs/customer_form.py" line="80" />
        <source>Remove</source>
        <translation>حذف</translation>
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
        <source>Customers</source>
        <translation>مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="74" />
        <location filename="../../ui/mainwindow.py" line="75" />
        <source>Calls</source>
        <translation>تماس‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="75" />
        <source>Phone-call notes, walk-in visits and follow-ups are coming soon.</source>
        <translation>یادداشت تماس‌های تلفنی، مراجعه‌های حضوری و پیگیری‌ها به‌زودی افزوده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="76" />
        <location filename="../../ui/mainwindow.py" line="77" />
        <source>Complaints</source>
        <translation>شکایت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="77" />
        <source>Complaints with escalation to supervisors are coming soon.</source>
        <translation>ثبت شکایت‌ها و ارجاع به سرپرست به‌زودی افزوده می‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="78" />
        <location filename="../../ui/mainwindow.py" line="79" />
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="79" />
        <source>PDF reports for supervisors are coming soon.</source>
        <translation>گزارش‌های PDF برای سرپرستان به‌زودی افزوده می‌شوند.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="80" />
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="110" />
        <source>Not signed in</source>
        <translation>هنوز وارد نشده‌اید</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="168" />
        <source>&amp;File</source>
        <translation>&amp;پرونده</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="169" />
        <source>Sign &amp;out</source>
        <translation>&amp;خروج از حساب</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="174" />
        <source>&amp;Quit</source>
        <translation>&amp;بستن برنامه</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="179" />
        <source>&amp;Go</source>
        <translation>&amp;رفتن به</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="189" />
        <source>&amp;Help</source>
        <translation>&amp;راهنما</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="190" />
        <source>Open the &amp;log folder</source>
        <translation>باز کردن پوشهٔ &amp;رویدادنگاری</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="193" />
        <source>&amp;About the help desk</source>
        <translation>&amp;دربارهٔ میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="96" />
        <source>Signed in as {0} ({1})</source>
        <translation>واردشده: {0} ({1})</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="215" />
        <source>Opening the database…</source>
        <translation>در حال باز کردن پایگاه داده…</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="217" />
        <source>Database: {0}</source>
        <translation>پایگاه داده: {0}</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="231" />
        <source>About the help desk</source>
        <translation>دربارهٔ میز خدمت مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.py" line="232" />
        <source>Help desk {0}
For front-desk staff and their supervisors.</source>
        <translation>میز خدمت مشتریان، نسخهٔ {0}
برای کارکنان پذیرش و سرپرستان آن‌ها.</translation>
    </message>
</context>
<context>
    <name>MarkLostDialog</name>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="18" />
        <source>Mark as lost</source>
        <translation>ثبت به‌عنوان از دست رفته</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="22" />
        <source>Why did we lose {0}?</source>
        <translation>چرا {0} را از دست دادیم؟</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="28" />
        <source>Choose a reason</source>
        <translation>علت را انتخاب کنید</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="31" />
        <source>Reason</source>
        <translation>علت</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="44" />
        <source>Merge customers</source>
        <translation>ادغام مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="44" />
        <source>Merge</source>
        <translation>ادغام</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="51" />
        <source>Choose the customer to merge into {0}. Their phones, e-mails, tags, notes and history move to {0}; this cannot be undone.</source>
        <translation>مشتری‌ای را که باید در {0} ادغام شود انتخاب کنید. تلفن‌ها، ایمیل‌ها، برچسب‌ها، یادداشت‌ها و سوابق او به {0} منتقل می‌شود؛ این کار بازگشت‌پذیر نیست.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="57" />
        <source>Find</source>
        <translation>جستجو</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/customer_actions.py" line="61" />
        <source>Customer</source>
        <translation>مشتری</translation>
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
        <location filename="../../ui/messages.py" line="45" />
        <source>Type a given name or a family name.</source>
        <translation>نام یا نام خانوادگی را وارد کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46" />
        <source>A phone number has only digits, spaces, dashes and a leading + or 00.</source>
        <translation>شمارهٔ تلفن فقط رقم، فاصله، خط تیره و + یا ۰۰ در آغاز دارد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="47" />
        <source>This is not a valid phone number. Check the digits, or add the country code (+44 …).</source>
        <translation>این شمارهٔ تلفن معتبر نیست. رقم‌ها را بررسی کنید، یا پیش‌شمارهٔ کشور را بیفزایید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="48" />
        <source>This number is already in the list.</source>
        <translation>این شماره در فهرست هست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="49" />
        <source>This is not a valid e-mail address, for example name@example.com.</source>
        <translation>این نشانی ایمیل معتبر نیست؛ نمونهٔ درست: name@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>This address is already in the list.</source>
        <translation>این نشانی در فهرست هست.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Choose an organisation from the list, or add it as a customer first.</source>
        <translation>سازمان را از فهرست انتخاب کنید، یا نخست آن را به‌عنوان مشتری ثبت کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="52" />
        <source>At most {limit}.</source>
        <translation>حداکثر {limit}.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="53" />
        <source>The file {path} cannot be written. Choose another folder or file name.</source>
        <translation>پروندهٔ {path} نوشته نمی‌شود. پوشه یا نام دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="54" />
        <source>Some fields need attention; see the messages next to them.</source>
        <translation>چند بخش نیاز به اصلاح دارد؛ پیام کنار هر کدام را ببینید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="55" />
        <source>This may be a customer we already have.</source>
        <translation>شاید این مشتری پیش‌تر ثبت شده باشد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="56" />
        <source>Another desk saved this customer while you were editing it.</source>
        <translation>در مدتی که شما این مشتری را ویرایش می‌کردید، میز دیگری آن را ذخیره کرد.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="58" />
        <source>At least one active supervisor must remain, or nobody could manage accounts.</source>
        <translation>دست‌کم یک سرپرست فعال باید بماند، وگرنه کسی نمی‌تواند حساب‌ها را مدیریت کند.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="59" />
        <source>You cannot delete your own account.</source>
        <translation>نمی‌توانید حساب خودتان را حذف کنید.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="60" />
        <source>Choose another customer: a customer cannot be merged with itself.</source>
        <translation>مشتری دیگری انتخاب کنید: مشتری با خودش ادغام نمی‌شود.</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="61" />
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
    <name>OfficeSettings</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="92" />
        <source>The whole office</source>
        <translation>کل مجموعه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="108" />
        <source>Country of numbers typed without +</source>
        <translation>کشورِ شماره‌هایی که بدون + وارد می‌شوند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="113" />
        <source>Reasons a customer was lost</source>
        <translation>علت‌های از دست رفتن مشتری</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="116" />
        <source>In English</source>
        <translation>به انگلیسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="118" />
        <source>In Persian</source>
        <translation>به فارسی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="119" />
        <source>Add reason</source>
        <translation>افزودن علت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="120" />
        <location filename="../../ui/pages/settings.py" line="150" />
        <source>Stop offering</source>
        <translation>کنار گذاشتن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="137" />
        <source>{0} (no longer offered)</source>
        <translation>{0} (کنار گذاشته‌شده)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="150" />
        <source>Offer again</source>
        <translation>بازگرداندن</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="156" />
        <source>Line</source>
        <translation>سطر</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_customers.py" line="158" />
        <source>Problems</source>
        <translation>مشکل‌ها</translation>
    </message>
</context>
<context>
    <name>ProfileView</name>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="81" />
        <source>Back to the directory</source>
        <translation>بازگشت به فهرست مشتریان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="85" />
        <source>Edit…</source>
        <translation>ویرایش…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="87" />
        <location filename="../../ui/pages/customer_profile.py" line="140" />
        <source>Mark as lost…</source>
        <translation>ثبت از دست رفتن…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="89" />
        <source>Merge another customer into this one…</source>
        <translation>ادغام مشتری دیگری در این مشتری…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="115" />
        <source>Timeline</source>
        <translation>سوابق</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="140" />
        <source>Active again</source>
        <translation>فعال کردن دوباره</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="149" />
        <source>Works for</source>
        <translation>سازمان محل کار</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="150" />
        <source>Job title</source>
        <translation>سمت</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="153" />
        <source>Phones</source>
        <translation>تلفن‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="154" />
        <source>E-mails</source>
        <translation>ایمیل‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="155" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="156" />
        <source>Address</source>
        <translation>نشانی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="157" />
        <source>How they heard of us</source>
        <translation>نحوه آشنایی</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="158" />
        <source>Tags</source>
        <translation>برچسب‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="159" />
        <source>Notes</source>
        <translation>یادداشت‌ها</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="173" />
        <source>Contact persons</source>
        <translation>افراد رابط</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="174" />
        <location filename="../../ui/pages/customer_profile.py" line="176" />
        <source>{0} by {1}</source>
        <translation>{0} توسط {1}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="178" />
        <source>Created</source>
        <translation>تاریخ ایجاد</translation>
    </message>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="179" />
        <source>Last changed</source>
        <translation>آخرین تغییر</translation>
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
        <location filename="../../ui/messages.py" line="88" />
        <source>Front-desk staff</source>
        <translation>کارمند پذیرش</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="89" />
        <source>Supervisor</source>
        <translation>سرپرست</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings.py" line="193" />
        <source>This desk</source>
        <translation>این میز</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="197" />
        <source>Same as the system</source>
        <translation>مطابق زبان سیستم</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="203" />
        <source>Language</source>
        <translation>زبان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="204" />
        <source>Change my password…</source>
        <translation>تغییر گذرواژهٔ من…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="206" />
        <source>Password</source>
        <translation>گذرواژه</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="209" />
        <source>Staff accounts</source>
        <translation>حساب‌های کارکنان</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="222" />
        <source>New account…</source>
        <translation>حساب جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="223" />
        <source>Reset password…</source>
        <translation>تعیین گذرواژهٔ جدید…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="224" />
        <source>Change role</source>
        <translation>تغییر نقش</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="225" />
        <location filename="../../ui/pages/settings.py" line="283" />
        <source>Deactivate</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="226" />
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="243" />
        <source>Staff accounts are managed by supervisors.</source>
        <translation>حساب‌های کارکنان را سرپرستان مدیریت می‌کنند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="282" />
        <source>Make staff</source>
        <translation>تبدیل به کارمند</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="282" />
        <source>Make supervisor</source>
        <translation>تبدیل به سرپرست</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="283" />
        <source>Activate</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="323" />
        <source>Deactivate account</source>
        <translation>غیرفعال کردن حساب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="324" />
        <source>Deactivate {0}? They will no longer be able to sign in. Their records stay.</source>
        <translation>حساب {0} غیرفعال شود؟ این فرد دیگر نمی‌تواند وارد شود، اما سوابقش باقی می‌ماند.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="332" />
        <source>Delete account</source>
        <translation>حذف حساب</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings.py" line="333" />
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
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../ui/pages/customer_profile.py" line="63" />
        <source>(before the merge, customer {0})</source>
        <translation>(پیش از ادغام، مشتری {0})</translation>
    </message>
</context>
</TS>
