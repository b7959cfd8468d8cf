#!/usr/bin/env bash
# Build dist/ (the tests run the built CLI) and type-check src, test, bench and eval, side by side:
# two tsc runs in a row took 23 s of `npm test` on two cores, side by side 17 s.
set -u
npx tsc -p tsconfig.json &
build=$!
npx tsc -p tsconfig.spec.json
check=$?
wait "$build"
built=$?
exit $(( built != 0 || check != 0 ))
