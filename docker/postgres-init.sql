-- One database per service, owned by the suite's role (run once by the postgres image on an empty volume).
CREATE ROLE program LOGIN PASSWORD 'program';
CREATE DATABASE applications OWNER program;
CREATE DATABASE cohorts OWNER program;
CREATE DATABASE resources OWNER program;
CREATE DATABASE gateway OWNER program;
