-- 0011: the service hall (排队叫号): halls with their item groups, counters and their open sessions, queue tickets, appointments.
-- Generated from the EF model with 'OneWindow schema-script' (sqlite), then trimmed to what is new.

CREATE TABLE "appointments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_appointments" PRIMARY KEY,
    "hall_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "group_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "slot_start" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mobile" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "item_code" TEXT NULL,
    "check_in_code" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "ticket_id" TEXT NULL,
    "booked_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "counter_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_counter_sessions" PRIMARY KEY,
    "counter_id" TEXT NOT NULL,
    "hall_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "staff_user_id" TEXT NOT NULL,
    "started_at" INTEGER NOT NULL,
    "ended_at" INTEGER NULL
);

CREATE TABLE "counters" (
    "id" TEXT NOT NULL CONSTRAINT "pk_counters" PRIMARY KEY,
    "hall_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "groups_json" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    "state" INTEGER NOT NULL,
    "staff_user_id" TEXT NULL,
    "staff_name" TEXT NULL,
    "state_since" INTEGER NULL,
    "current_ticket_id" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "halls" (
    "id" TEXT NOT NULL CONSTRAINT "pk_halls" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "opens_at" TEXT NOT NULL,
    "closes_at" TEXT NOT NULL,
    "groups_json" TEXT NOT NULL,
    "stamp" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "queue_tickets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_queue_tickets" PRIMARY KEY,
    "hall_id" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "group_code" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "channel" INTEGER NOT NULL,
    "appointment_id" TEXT NULL,
    "appointment_at" INTEGER NULL,
    "item_code" TEXT NULL,
    "mobile" TEXT NULL,
    "user_id" TEXT NULL,
    "access_code" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "issued_at" INTEGER NOT NULL,
    "first_called_at" INTEGER NULL,
    "called_at" INTEGER NULL,
    "recalls" INTEGER NOT NULL,
    "counter_id" TEXT NULL,
    "counter_number" INTEGER NULL,
    "target_counter_id" TEXT NULL,
    "started_at" INTEGER NULL,
    "finished_at" INTEGER NULL,
    "served_by" TEXT NULL,
    "served_by_name" TEXT NULL,
    "department_code" TEXT NULL,
    "reminded_at" INTEGER NULL,
    "case_ids_json" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "waiting_key" INTEGER NULL
);

CREATE INDEX "ix_appointments_hall_id_day_check_in_code" ON "appointments" ("hall_id", "day", "check_in_code");

CREATE INDEX "ix_appointments_hall_id_day_slot_start_group_code" ON "appointments" ("hall_id", "day", "slot_start", "group_code");

CREATE INDEX "ix_appointments_user_id" ON "appointments" ("user_id");

CREATE INDEX "ix_counter_sessions_counter_id_ended_at" ON "counter_sessions" ("counter_id", "ended_at");

CREATE INDEX "ix_counter_sessions_hall_id_started_at" ON "counter_sessions" ("hall_id", "started_at");

CREATE UNIQUE INDEX "ix_counters_hall_id_number" ON "counters" ("hall_id", "number");

CREATE INDEX "ix_counters_staff_user_id" ON "counters" ("staff_user_id");

CREATE INDEX "ix_halls_region_code" ON "halls" ("region_code");

CREATE INDEX "ix_queue_tickets_appointment_id" ON "queue_tickets" ("appointment_id");

CREATE INDEX "ix_queue_tickets_counter_id_finished_at" ON "queue_tickets" ("counter_id", "finished_at");

CREATE INDEX "ix_queue_tickets_hall_id_called_at" ON "queue_tickets" ("hall_id", "called_at");

CREATE UNIQUE INDEX "ix_queue_tickets_hall_id_day_group_code_sequence" ON "queue_tickets" ("hall_id", "day", "group_code", "sequence");

CREATE INDEX "ix_queue_tickets_hall_id_group_code_finished_at" ON "queue_tickets" ("hall_id", "group_code", "finished_at");

CREATE INDEX "ix_queue_tickets_hall_id_group_code_waiting_key" ON "queue_tickets" ("hall_id", "group_code", "waiting_key");

CREATE INDEX "ix_queue_tickets_hall_id_waiting_key" ON "queue_tickets" ("hall_id", "waiting_key");

CREATE INDEX "ix_queue_tickets_target_counter_id_waiting_key" ON "queue_tickets" ("target_counter_id", "waiting_key");
