/**
 * Small controls that every screen family uses the same way: the remove button that names what
 * it removes and asks first, and where the keyboard goes next. They depend on no feature.
 */
package io.atrium.ui.controls;
