// Argument reading for the native kernels of lib/native/*.c (Node-API addons built by
// scripts/build-native.ts): typed arrays and numbers, each checked, with a JavaScript RangeError naming the
// argument when one is of the wrong kind. The kernels take the typed arrays themselves (no copy): a
// pointer to their first element and their length.
#ifndef NATIVE_ARGS_H
#define NATIVE_ARGS_H

#include <node_api.h>
#include <stdint.h>
#include <stdio.h>

#define NATIVE_MAX_ARGS 24

typedef struct {
  napi_env env;
  size_t argc;
  napi_value argv[NATIVE_MAX_ARGS];
  int failed;
} NativeArgs;

static inline void nativeFail(NativeArgs *a, const char *message) {
  if (!a->failed) napi_throw_range_error(a->env, NULL, message);
  a->failed = 1;
}

// Reads exactly `count` arguments; false (with a JavaScript error) otherwise.
static inline int nativeBegin(NativeArgs *a, napi_env env, napi_callback_info info, size_t count) {
  a->env = env;
  a->failed = 0;
  a->argc = NATIVE_MAX_ARGS;
  if (napi_get_cb_info(env, info, &a->argc, a->argv, NULL, NULL) != napi_ok) {
    nativeFail(a, "bad call");
    return 0;
  }
  if (a->argc != count) {
    char message[96];
    snprintf(message, sizeof message, "expected %zu arguments, got %zu", count, a->argc);
    nativeFail(a, message);
  }
  return !a->failed;
}

static inline double nativeNumber(NativeArgs *a, size_t k) {
  double value = 0;
  if (!a->failed && napi_get_value_double(a->env, a->argv[k], &value) != napi_ok) {
    char message[64];
    snprintf(message, sizeof message, "argument %zu must be a number", k + 1);
    nativeFail(a, message);
  }
  return value;
}

// The data of argument k, a typed array of the given type; its length in *length.
static inline void *nativeArray(NativeArgs *a, size_t k, napi_typedarray_type type, const char *typeName,
                         size_t *length) {
  *length = 0;
  if (a->failed) return NULL;
  bool isTyped = false;
  napi_is_typedarray(a->env, a->argv[k], &isTyped);
  napi_typedarray_type actual;
  void *data = NULL;
  if (!isTyped ||
      napi_get_typedarray_info(a->env, a->argv[k], &actual, length, &data, NULL, NULL) != napi_ok ||
      actual != type) {
    char message[80];
    snprintf(message, sizeof message, "argument %zu must be a %s", k + 1, typeName);
    nativeFail(a, message);
    return NULL;
  }
  return data;
}

static inline double *nativeFloat64(NativeArgs *a, size_t k, size_t *length) {
  return (double *)nativeArray(a, k, napi_float64_array, "Float64Array", length);
}

static inline float *nativeFloat32(NativeArgs *a, size_t k, size_t *length) {
  return (float *)nativeArray(a, k, napi_float32_array, "Float32Array", length);
}

static inline int32_t *nativeInt32(NativeArgs *a, size_t k, size_t *length) {
  return (int32_t *)nativeArray(a, k, napi_int32_array, "Int32Array", length);
}

#define NATIVE_FUNCTION(name) {#name, NULL, name, NULL, NULL, NULL, napi_enumerable, NULL}

#endif
