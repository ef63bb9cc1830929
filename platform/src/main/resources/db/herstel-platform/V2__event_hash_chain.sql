-- Tamper evidence (DESIGN.md): every stored event carries a SHA-256 over its content and the hash
-- of the previous event in its stream. EventChain recomputes the same in Java and names the first
-- link that does not match.
ALTER TABLE domainevententry ADD COLUMN hash BYTEA;

CREATE FUNCTION herstel_event_hash(previous BYTEA, e domainevententry) RETURNS BYTEA
LANGUAGE sql IMMUTABLE AS $$
  SELECT sha256(
    coalesce(previous, ''::bytea)
    || convert_to(e.aggregateidentifier, 'UTF8') || '\x00'::bytea
    || convert_to(e.sequencenumber::text, 'UTF8') || '\x00'::bytea
    || convert_to(e.eventidentifier, 'UTF8') || '\x00'::bytea
    || convert_to(e.payloadtype, 'UTF8') || '\x00'::bytea
    || convert_to(coalesce(e.payloadrevision, ''), 'UTF8') || '\x00'::bytea
    || convert_to(e.timestamp, 'UTF8') || '\x00'::bytea
    || e.payload || '\x00'::bytea
    || coalesce(e.metadata, ''::bytea))
$$;

CREATE FUNCTION herstel_chain_event() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  previous BYTEA;
BEGIN
  SELECT hash INTO previous FROM domainevententry
   WHERE aggregateidentifier = NEW.aggregateidentifier
     AND sequencenumber = NEW.sequencenumber - 1;
  NEW.hash := herstel_event_hash(previous, NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER domainevententry_chain BEFORE INSERT ON domainevententry
  FOR EACH ROW EXECUTE FUNCTION herstel_chain_event();

-- Events stored before this migration get their links now, stream by stream, in order.
DO $$
DECLARE
  e domainevententry;
  previous BYTEA;
  stream VARCHAR(255) := NULL;
BEGIN
  FOR e IN SELECT * FROM domainevententry ORDER BY aggregateidentifier, sequencenumber LOOP
    IF stream IS DISTINCT FROM e.aggregateidentifier THEN
      previous := NULL;
      stream := e.aggregateidentifier;
    END IF;
    previous := herstel_event_hash(previous, e);
    UPDATE domainevententry SET hash = previous WHERE globalindex = e.globalindex;
  END LOOP;
END
$$;
