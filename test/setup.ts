import "reflect-metadata";

// Tests talk to the database named by TEST_DATABASE_URL (or DATABASE_URL); SQLite in memory otherwise.
process.env.DEMO_DATA = "off";
