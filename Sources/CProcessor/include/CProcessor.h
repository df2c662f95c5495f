// The release build's processor check, as one module: see processor.c. Only Sources/peel/main.swift imports it:
// linking it is the whole use (its check runs before main).
#ifndef CPROCESSOR_H
#define CPROCESSOR_H
#endif
