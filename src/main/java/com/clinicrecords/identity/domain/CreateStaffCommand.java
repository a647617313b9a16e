package com.clinicrecords.identity.domain;

import java.util.Set;

/** An account an admin opens for staff (doctor, custom role...). The password is generated and emailed. */
public record CreateStaffCommand(String email, String firstName, String lastName, String phone, Set<String> roles) {}
