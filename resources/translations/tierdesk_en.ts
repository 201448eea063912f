<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ConflictsDialog</name>
    <message numerus="yes">
        <source>%n conflict(s) wait for a decision.</source>
        <translation>
            <numerusform>%n conflict waits for a decision.</numerusform>
            <numerusform>%n conflicts wait for a decision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EncryptionOutcome</name>
    <message numerus="yes">
        <source>%n backup(s) were encrypted too.</source>
        <translation>
            <numerusform>%n backup was encrypted too.</numerusform>
            <numerusform>%n backups were encrypted too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) were decrypted too.</source>
        <translation>
            <numerusform>%n backup was decrypted too.</numerusform>
            <numerusform>%n backups were decrypted too.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FieldExchange</name>
    <message numerus="yes">
        <source>%Ln customer(s)</source>
        <translation>
            <numerusform>%Ln customer</numerusform>
            <numerusform>%Ln customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln visit(s)</source>
        <translation>
            <numerusform>%Ln visit</numerusform>
            <numerusform>%Ln visits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s) handed to another salesperson left this laptop.</source>
        <translation>
            <numerusform>%n customer handed to another salesperson left this laptop.</numerusform>
            <numerusform>%n customers handed to another salesperson left this laptop.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HandOverDialog</name>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name} has %n customer(s). Choose who receives them (shared evenly); cards and history stay with each customer.</source>
        <translation>
            <numerusform>{name} has %n customer. Choose who receives them (shared evenly); cards and history stay with each customer.</numerusform>
            <numerusform>{name} has %n customers. Choose who receives them (shared evenly); cards and history stay with each customer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OfficeDialog</name>
    <message numerus="yes">
        <source>%n customer(s) of {name} were handed over to {receivers}; {name} is now inactive.</source>
        <translation>
            <numerusform>%n customer of {name} was handed over to {receivers}; {name} is now inactive.</numerusform>
            <numerusform>%n customers of {name} were handed over to {receivers}; {name} is now inactive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerformanceWindow</name>
    <message numerus="yes">
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n problem</numerusform>
            <numerusform>%n problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanWindow</name>
    <message numerus="yes">
        <source>Task list of {name} ({code}): %n customer(s)</source>
        <translation>
            <numerusform>Task list of {name} ({code}): %n customer</numerusform>
            <numerusform>Task list of {name} ({code}): %n customers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PurgeNotice</name>
    <message numerus="yes">
        <source>%n customer(s) deleted more than {days} days ago removed for good.</source>
        <translation>
            <numerusform>%n customer deleted more than {days} days ago removed for good.</numerusform>
            <numerusform>%n customers deleted more than {days} days ago removed for good.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReassessDialog</name>
    <message numerus="yes">
        <source>%Ln customer(s) graded for {period} (sales of the twelve months to {day}): {up} up, {down} down, {new} graded for the first time, {same} unchanged, {kept} kept as set by hand.</source>
        <translation>
            <numerusform>%Ln customer graded for {period} (sales of the twelve months to {day}): {up} up, {down} down, {new} graded for the first time, {same} unchanged, {kept} kept as set by hand.</numerusform>
            <numerusform>%Ln customers graded for {period} (sales of the twelve months to {day}): {up} up, {down} down, {new} graded for the first time, {same} unchanged, {kept} kept as set by hand.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Apply the tiers for {period}? %Ln customer(s) change tier; every customer&apos;s grade is kept in the tier history.</source>
        <translation>
            <numerusform>Apply the tiers for {period}? %Ln customer changes tier; every customer&apos;s grade is kept in the tier history.</numerusform>
            <numerusform>Apply the tiers for {period}? %Ln customers change tier; every customer&apos;s grade is kept in the tier history.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Tiers applied: %Ln customer(s) changed tier.</source>
        <translation>
            <numerusform>Tiers applied: %Ln customer changed tier.</numerusform>
            <numerusform>Tiers applied: %Ln customers changed tier.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierSettingsDialog</name>
    <message numerus="yes">
        <source>%Ln customer(s), as of {day}</source>
        <translation>
            <numerusform>%Ln customer, as of {day}</numerusform>
            <numerusform>%Ln customers, as of {day}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TierView</name>
    <message numerus="yes">
        <source>%Ln customer(s) as of {day}; {overdue} overdue on their contact norm.</source>
        <translation>
            <numerusform>%Ln customer as of {day}; {overdue} overdue on their contact norm.</numerusform>
            <numerusform>%Ln customers as of {day}; {overdue} overdue on their contact norm.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message numerus="yes">
        <source>%n customer(s) in the trash.</source>
        <translation>
            <numerusform>%n customer in the trash.</numerusform>
            <numerusform>%n customers in the trash.</numerusform>
        </translation>
    </message>
</context>
</TS>
