// Every test runs in UTC unless it sets a zone itself; schedules take zones explicitly.
process.env.TZ = 'UTC';
