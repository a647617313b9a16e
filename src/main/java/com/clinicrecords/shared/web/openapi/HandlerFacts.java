package com.clinicrecords.shared.web.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;

/**
 * What a handler method really answers, read from its bytecode (and that of the private helpers of its class it
 * calls): the success statuses it builds ({@code ResponseEntity.created(..)}, {@code noContent()},
 * {@code HttpStatus.PARTIAL_CONTENT}...) and the response headers it sets ({@code .eTag(..)}, {@code
 * HttpHeaders.CONTENT_RANGE}...). This keeps the OpenAPI document true to the code without an annotation per
 * endpoint; no library offers it, so it is written here on Spring's repackaged ASM.
 *
 * @param statuses the 2xx statuses found; empty when the handler does not choose one (a plain return value)
 * @param headers  response header names the handler sets
 * @param errors   error statuses recognisable from the helpers it calls (428 from {@code ETags.requireVersion})
 */
record HandlerFacts(Set<Integer> statuses, Set<String> headers, Set<Integer> errors) {

    /** Headers worth documenting; other string constants in a handler are ignored. */
    static final Set<String> DOCUMENTED_HEADERS = Set.of(
            HttpHeaders.LOCATION,
            HttpHeaders.ETAG,
            HttpHeaders.CONTENT_RANGE,
            HttpHeaders.ACCEPT_RANGES,
            HttpHeaders.CONTENT_DISPOSITION,
            HttpHeaders.RETRY_AFTER,
            HttpHeaders.SET_COOKIE,
            HttpHeaders.LAST_MODIFIED,
            "X-Upload-Duplicate");

    private static final Set<String> SETS_HEADER = Set.of("setHeader", "addHeader", "header");
    private static final String RESPONSE_ENTITY = "org/springframework/http/ResponseEntity";
    private static final String HEADERS_BUILDER = "org/springframework/http/ResponseEntity$HeadersBuilder";
    private static final String BODY_BUILDER = "org/springframework/http/ResponseEntity$BodyBuilder";
    private static final String HTTP_STATUS = "org/springframework/http/HttpStatus";
    private static final String ETAGS = "com/clinicrecords/shared/web/ETags";
    private static final Map<Class<?>, Map<String, Direct>> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    static HandlerFacts of(Method method) {
        Class<?> type = ClassUtils.getUserClass(method.getDeclaringClass());
        Map<String, Direct> methods = CACHE.computeIfAbsent(type, HandlerFacts::read);
        Set<Integer> statuses = new TreeSet<>();
        Set<String> headers = new TreeSet<>();
        Set<Integer> errors = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(method.getName() + Type.getMethodDescriptor(method));
        while (!todo.isEmpty()) {
            String key = todo.pop();
            Direct direct = methods.get(key);
            if (direct == null || !seen.add(key)) {
                continue;
            }
            statuses.addAll(direct.statuses);
            headers.addAll(direct.headers);
            errors.addAll(direct.errors);
            todo.addAll(direct.calls);
        }
        return new HandlerFacts(statuses, headers, errors);
    }

    /** Facts of one method body, plus the methods of the same class it calls (or turns into lambdas). */
    private record Direct(Set<Integer> statuses, Set<String> headers, Set<Integer> errors, Set<String> calls) {}

    private static Map<String, Direct> read(Class<?> type) {
        String resource = type.getName().replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassUtils.getDefaultClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Map.of();
            }
            Map<String, Direct> result = new HashMap<>();
            String owner = Type.getInternalName(type);
            new ClassReader(in)
                    .accept(
                            new ClassVisitor(Opcodes.ASM9) {
                                @Override
                                public MethodVisitor visitMethod(
                                        int access,
                                        String name,
                                        String descriptor,
                                        String signature,
                                        String[] exceptions) {
                                    Direct direct = new Direct(
                                            new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
                                    result.put(name + descriptor, direct);
                                    // Header names loaded since the last header call: the first one is the
                                    // name given to the next setHeader/addHeader/header(..); one read with
                                    // getHeader(..) is a request header instead.
                                    List<String> pending = new ArrayList<>();
                                    return new MethodVisitor(Opcodes.ASM9) {
                                        @Override
                                        public void visitMethodInsn(
                                                int opcode,
                                                String callOwner,
                                                String callName,
                                                String callDesc,
                                                boolean itf) {
                                            if (SETS_HEADER.contains(callName) && !pending.isEmpty()) {
                                                direct.headers.add(pending.get(0));
                                                pending.clear();
                                            } else if (callName.startsWith("getHeader")) {
                                                pending.clear();
                                            }
                                            if (callOwner.equals(owner)) {
                                                direct.calls.add(callName + callDesc);
                                            } else if (callOwner.equals(ETAGS) && callName.equals("requireVersion")) {
                                                direct.errors.add(HttpStatus.PRECONDITION_REQUIRED.value());
                                            } else if (callOwner.equals(RESPONSE_ENTITY)) {
                                                switch (callName) {
                                                    case "ok" -> direct.statuses.add(200);
                                                    case "created" -> {
                                                        direct.statuses.add(201);
                                                        direct.headers.add(HttpHeaders.LOCATION);
                                                    }
                                                    case "accepted" -> direct.statuses.add(202);
                                                    case "noContent" -> direct.statuses.add(204);
                                                    default -> {}
                                                }
                                            } else if (callOwner.equals(HEADERS_BUILDER)
                                                    || callOwner.equals(BODY_BUILDER)) {
                                                switch (callName) {
                                                    case "eTag" -> direct.headers.add(HttpHeaders.ETAG);
                                                    case "location" -> direct.headers.add(HttpHeaders.LOCATION);
                                                    case "lastModified" ->
                                                        direct.headers.add(HttpHeaders.LAST_MODIFIED);
                                                    default -> {}
                                                }
                                            }
                                        }

                                        @Override
                                        public void visitInvokeDynamicInsn(
                                                String name, String descriptor, Handle bootstrap, Object... arguments) {
                                            for (Object argument : arguments) {
                                                if (argument instanceof Handle handle
                                                        && handle.getOwner().equals(owner)) {
                                                    direct.calls.add(handle.getName() + handle.getDesc());
                                                }
                                            }
                                        }

                                        @Override
                                        public void visitFieldInsn(
                                                int opcode, String fieldOwner, String name, String descriptor) {
                                            if (opcode == Opcodes.GETSTATIC && fieldOwner.equals(HTTP_STATUS)) {
                                                try {
                                                    HttpStatus status = HttpStatus.valueOf(name);
                                                    if (status.is2xxSuccessful()) {
                                                        direct.statuses.add(status.value());
                                                    }
                                                } catch (IllegalArgumentException e) {
                                                    // not a status constant
                                                }
                                            }
                                        }

                                        @Override
                                        public void visitLdcInsn(Object value) {
                                            if (value instanceof String s && DOCUMENTED_HEADERS.contains(s)) {
                                                pending.add(s);
                                            }
                                        }
                                    };
                                }
                            },
                            ClassReader.SKIP_FRAMES);
            return result;
        } catch (IOException e) {
            return Map.of();
        }
    }
}
