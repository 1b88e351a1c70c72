-- 0011: the service hall (排队叫号): halls with their item groups, counters and their open sessions, queue tickets, appointments.
-- Generated from the EF model with 'OneWindow schema-script' (postgres), then trimmed to what is new.

CREATE TABLE appointments (
    id uuid NOT NULL,
    hall_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    group_code character varying(4) NOT NULL,
    day date NOT NULL,
    slot_start time without time zone NOT NULL,
    name character varying(100) NOT NULL,
    mobile character varying(20) NOT NULL,
    user_id character varying(64),
    item_code character varying(40),
    check_in_code character varying(8) NOT NULL,
    status integer NOT NULL,
    ticket_id uuid,
    booked_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_appointments PRIMARY KEY (id)
);

CREATE TABLE counter_sessions (
    id uuid NOT NULL,
    counter_id uuid NOT NULL,
    hall_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    staff_user_id character varying(64) NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    CONSTRAINT pk_counter_sessions PRIMARY KEY (id)
);

CREATE TABLE counters (
    id uuid NOT NULL,
    hall_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    number integer NOT NULL,
    name character varying(100) NOT NULL,
    kind integer NOT NULL,
    groups_json text NOT NULL,
    department_code character varying(30) NOT NULL,
    opens_at time without time zone NOT NULL,
    closes_at time without time zone NOT NULL,
    state integer NOT NULL,
    staff_user_id character varying(64),
    staff_name character varying(100),
    state_since timestamp with time zone,
    current_ticket_id uuid,
    version integer NOT NULL,
    CONSTRAINT pk_counters PRIMARY KEY (id)
);

CREATE TABLE halls (
    id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    name character varying(100) NOT NULL,
    address character varying(200) NOT NULL,
    opens_at time without time zone NOT NULL,
    closes_at time without time zone NOT NULL,
    groups_json text NOT NULL,
    stamp bigint NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_halls PRIMARY KEY (id)
);

CREATE TABLE queue_tickets (
    id uuid NOT NULL,
    hall_id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    day date NOT NULL,
    group_code character varying(4) NOT NULL,
    sequence integer NOT NULL,
    number character varying(12) NOT NULL,
    priority integer NOT NULL,
    channel integer NOT NULL,
    appointment_id uuid,
    appointment_at timestamp with time zone,
    item_code character varying(40),
    mobile character varying(20),
    user_id character varying(64),
    access_code character varying(32) NOT NULL,
    status integer NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    first_called_at timestamp with time zone,
    called_at timestamp with time zone,
    recalls integer NOT NULL,
    counter_id uuid,
    counter_number integer,
    target_counter_id uuid,
    started_at timestamp with time zone,
    finished_at timestamp with time zone,
    served_by character varying(64),
    served_by_name character varying(100),
    department_code character varying(30),
    reminded_at timestamp with time zone,
    case_ids_json text NOT NULL,
    version integer NOT NULL,
    waiting_key bigint,
    CONSTRAINT pk_queue_tickets PRIMARY KEY (id)
);

CREATE INDEX ix_appointments_hall_id_day_check_in_code ON appointments (hall_id, day, check_in_code);

CREATE INDEX ix_appointments_hall_id_day_slot_start_group_code ON appointments (hall_id, day, slot_start, group_code);

CREATE INDEX ix_appointments_user_id ON appointments (user_id);

CREATE INDEX ix_counter_sessions_counter_id_ended_at ON counter_sessions (counter_id, ended_at);

CREATE INDEX ix_counter_sessions_hall_id_started_at ON counter_sessions (hall_id, started_at);

CREATE UNIQUE INDEX ix_counters_hall_id_number ON counters (hall_id, number);

CREATE INDEX ix_counters_staff_user_id ON counters (staff_user_id);

CREATE INDEX ix_halls_region_code ON halls (region_code);

CREATE INDEX ix_queue_tickets_appointment_id ON queue_tickets (appointment_id);

CREATE INDEX ix_queue_tickets_counter_id_finished_at ON queue_tickets (counter_id, finished_at);

CREATE INDEX ix_queue_tickets_hall_id_called_at ON queue_tickets (hall_id, called_at);

CREATE UNIQUE INDEX ix_queue_tickets_hall_id_day_group_code_sequence ON queue_tickets (hall_id, day, group_code, sequence);

CREATE INDEX ix_queue_tickets_hall_id_group_code_finished_at ON queue_tickets (hall_id, group_code, finished_at);

CREATE INDEX ix_queue_tickets_hall_id_group_code_waiting_key ON queue_tickets (hall_id, group_code, waiting_key);

CREATE INDEX ix_queue_tickets_hall_id_waiting_key ON queue_tickets (hall_id, waiting_key);

CREATE INDEX ix_queue_tickets_target_counter_id_waiting_key ON queue_tickets (target_counter_id, waiting_key);
