# Pointlearn: the two commands are `make run` and `make test` (see README.md).

MVN  ?= mvn -B
XVFB ?= xvfb-run -a -s "-screen 0 1280x1024x24"

.PHONY: all setup build run test clean

all: build

## Install Debian packages and register Debian jars in the local Maven repository (idempotent).
setup:
	scripts/setup

## Build the application into application/target/pointlearn.
build: setup
	$(MVN) -q install -DskipTests

## Start the workstation (needs a display; the script says how to run without one).
run: build
	scripts/run

## Every unit test plus the GUI tests, under a virtual X display.
test: setup
	$(XVFB) $(MVN) verify

clean:
	$(MVN) -q clean
