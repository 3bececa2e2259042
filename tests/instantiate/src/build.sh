#!/bin/sh
echo "building $name" > "$out"
